using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Host.Routing;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Looks up what assignment needs to know about one lead: matching accounts and an open lead with the same e-mail.</summary>
internal sealed class AssignmentContextLoader(LeadStatements sql, IOptions<RoutingOptions> options)
{
    public const string DomainPrefix = "domain:";
    public const string CompanyPrefix = "company:";

    public async Task<AssignmentContext> LoadAsync(DbConnection connection, DbTransaction? transaction, LeadFacts lead, DateTimeOffset now,
        OpenLeadMatch? earlierInBatch, string? excludedRepId, CancellationToken cancellationToken)
    {
        var accounts = await connection.QueryAsync<AccountRow>(new CommandDefinition(sql.FindAccounts, new
        {
            DomainKey = lead.Domain.Length > 0 ? DomainPrefix + lead.Domain : null,
            CompanyKey = lead.CompanyKey.Length > 0 ? CompanyPrefix + lead.CompanyKey : null,
        }, transaction, cancellationToken: cancellationToken));

        var openLead = earlierInBatch;
        if (openLead is null && lead.Email.Length > 0)
        {
            openLead = await connection.QuerySingleOrDefaultAsync<OpenLeadMatch>(new CommandDefinition(sql.FindOpenLeadByEmail, new
            {
                lead.Email,
                Since = now.AddDays(-options.Value.DuplicateWindowDays),
            }, transaction, cancellationToken: cancellationToken));
        }

        // A domain match names the account more surely than a company-name match, so it goes first.
        var matches = accounts
            .OrderBy(a => a.MatchKey.StartsWith(DomainPrefix, StringComparison.Ordinal) ? 0 : 1)
            .Select(a => new AccountMatch(a.Name, a.OwnerRepId, a.MatchKey.StartsWith(DomainPrefix, StringComparison.Ordinal) ? "domain" : "company"))
            .ToList();
        return new AssignmentContext(now, matches, openLead, excludedRepId);
    }

    private sealed record AccountRow(string MatchKey, string Name, string OwnerRepId);
}
