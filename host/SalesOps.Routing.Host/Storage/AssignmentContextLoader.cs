using System.Data.Common;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Host.Routing;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Looks up what assignment needs to know about leads: matching accounts and an open lead with the same e-mail.</summary>
internal sealed class AssignmentContextLoader(LeadStatements sql, IOptions<RoutingOptions> options)
{
    public const string DomainPrefix = "domain:";
    public const string CompanyPrefix = "company:";

    // Each list goes as one JSON array parameter: one statement text whatever the batch size (one
    // cached plan on SQL Server) and no limit on the number of bound parameters.

    /// <summary>
    /// What one lead needs to be decided: its accounts and, when <paramref name="withOpenLead"/>, an open lead
    /// with the same e-mail. A stored lead being moved is not a duplicate of itself, so moves leave that out.
    /// </summary>
    public async Task<AssignmentContext> LoadAsync(DbConnection connection, DbTransaction? transaction, LeadFacts lead, DateTimeOffset now,
        bool withOpenLead, string? excludedRepId, CancellationToken cancellationToken)
    {
        var lookups = new BatchLookups();
        await FindAccountsAsync(connection, transaction, [lead], lookups, cancellationToken);
        if (withOpenLead)
            await FindOpenLeadsAsync(connection, transaction, [lead], now, lookups, cancellationToken);
        return ContextFor(lookups, lead, now, null, excludedRepId);
    }

    /// <summary>Reads, with a few queries for the whole batch, what each of its leads needs to be decided.</summary>
    public async Task<BatchLookups> LoadBatchAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(string Source, string ExternalId, LeadFacts Facts)> leads, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lookups = new BatchLookups();
        if (leads.Count == 0)
            return lookups;

        // One statement for the whole batch whatever its sources, the keys as [source, externalId]
        // pairs. In key order, so that two hosts locking the same keys on SQL Server take them in the
        // same order and cannot deadlock on them.
        var keys = JsonSerializer.Serialize(leads.Select(l => (l.Source, l.ExternalId)).Distinct()
            .OrderBy(k => k.Source, StringComparer.Ordinal).ThenBy(k => k.ExternalId, StringComparer.Ordinal)
            .Select(k => new[] { k.Source, k.ExternalId }));
        var rows = await connection.QueryAsync<(string Source, string ExternalId, string Id)>(new CommandDefinition(sql.FindIdsByKeys,
            new { Keys = keys }, transaction, cancellationToken: cancellationToken));
        foreach (var (source, externalId, id) in rows)
            lookups.ExistingIds[(source, externalId)] = id;

        var facts = leads.Select(l => l.Facts).ToList();
        await FindAccountsAsync(connection, transaction, facts, lookups, cancellationToken);
        await FindOpenLeadsAsync(connection, transaction, facts, now, lookups, cancellationToken);
        return lookups;
    }

    /// <summary>The lead's context from what <paramref name="lookups"/> found; an earlier lead of the same batch wins over a stored one.</summary>
    public static AssignmentContext ContextFor(BatchLookups lookups, LeadFacts lead, DateTimeOffset now, OpenLeadMatch? earlierInBatch,
        string? excludedRepId)
    {
        // A domain match names the account more surely than a company-name match, so it goes first.
        var matches = new List<AccountMatch>(2);
        if (lead.Domain.Length > 0 && lookups.Accounts.TryGetValue(DomainPrefix + lead.Domain, out var byDomain))
            matches.Add(new AccountMatch(byDomain.Name, byDomain.OwnerRepId, "domain"));
        if (lead.CompanyKey.Length > 0 && lookups.Accounts.TryGetValue(CompanyPrefix + lead.CompanyKey, out var byCompany))
            matches.Add(new AccountMatch(byCompany.Name, byCompany.OwnerRepId, "company"));

        var openLead = earlierInBatch ?? (lead.Email.Length > 0 ? lookups.OpenLeads.GetValueOrDefault(lead.Email) : null);
        return new AssignmentContext(now, matches, openLead, excludedRepId);
    }

    private async Task FindAccountsAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<LeadFacts> leads,
        BatchLookups lookups, CancellationToken cancellationToken)
    {
        var keys = leads
            .SelectMany(l => new[] { l.Domain.Length > 0 ? DomainPrefix + l.Domain : null, l.CompanyKey.Length > 0 ? CompanyPrefix + l.CompanyKey : null })
            .OfType<string>()
            .ToList();
        if (keys.Count == 0)
            return;
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(sql.FindAccounts, new { Keys = JsonList(keys) }, transaction,
            cancellationToken: cancellationToken));
        foreach (var row in rows)
            lookups.Accounts[row.MatchKey] = row;
    }

    private async Task FindOpenLeadsAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<LeadFacts> leads, DateTimeOffset now,
        BatchLookups lookups, CancellationToken cancellationToken)
    {
        var emails = leads.Select(l => l.Email).Where(e => e.Length > 0).ToList();
        if (emails.Count == 0)
            return;
        var since = now.AddDays(-options.Value.DuplicateWindowDays);
        var rows = await connection.QueryAsync<OpenLeadRow>(new CommandDefinition(sql.FindOpenLeadsByEmails, new { Emails = JsonList(emails), Since = since },
            transaction, cancellationToken: cancellationToken));
        foreach (var row in rows)
            lookups.AddOpenLead(row.Email, new OpenLeadMatch(row.LeadId, row.OwnerRepId, row.ReceivedAt));
    }

    private static string JsonList(IEnumerable<string> values) => JsonSerializer.Serialize(values.Distinct(StringComparer.Ordinal));

    private sealed class OpenLeadRow
    {
        public string Email { get; init; } = "";
        public string LeadId { get; init; } = "";
        public string OwnerRepId { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
    }
}
