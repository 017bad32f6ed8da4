using System.Text.Json;
using NRules;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Backtesting;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Replays stored leads through a draft rule set, for the HTTP endpoint and the command line alike. Reads only.</summary>
internal static class BacktestRunner
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 100_000;
    public const int DefaultExamples = 5;
    public const int MaxExamples = 100;

    public static async Task<BacktestResponse> RunAsync(IDecisionHistory history, ISessionFactory sessions, TimeSpan duplicateWindow,
        RuleSet draft, DateTimeOffset from, DateTimeOffset to, int limit, int examples, CancellationToken cancellationToken)
    {
        var stored = await history.ReadLeadsAsync(from, to, limit + 1, cancellationToken);
        var truncated = stored.Count > limit;
        var rotation = await history.ReadRotationBeforeAsync(from, cancellationToken);
        var accounts = await history.ReadAccountsAsync(cancellationToken);

        var leads = new List<HistoricLead>(Math.Min(stored.Count, limit));
        var skipped = 0;
        foreach (var lead in stored.Take(limit))
        {
            if (Parse(lead.Payload) is { } input)
                leads.Add(new HistoricLead(lead.Id, input, lead.ReceivedAt, lead.Decision));
            else
                skipped++;
        }

        var setting = new BacktestSetting(rotation, facts => Match(accounts, facts), duplicateWindow);
        var report = Backtester.Run(leads, draft, setting, sessions, examples);
        return new BacktestResponse(from, to, report.DraftVersion, report.Leads, skipped, truncated, report.Unchanged,
            new BacktestChanges(report.Team, report.Rep, report.Qualification, report.Score));
    }

    // The same keys and order as AssignmentContextLoader uses for a live lead, against the accounts known now.
    private static List<AccountMatch> Match(IReadOnlyDictionary<string, AccountRow> accounts, LeadFacts facts)
    {
        var matches = new List<AccountMatch>(2);
        if (facts.Domain.Length > 0 && accounts.TryGetValue(AssignmentContextLoader.DomainPrefix + facts.Domain, out var byDomain))
            matches.Add(new AccountMatch(byDomain.Name, byDomain.OwnerRepId, "domain"));
        if (facts.CompanyKey.Length > 0 && accounts.TryGetValue(AssignmentContextLoader.CompanyPrefix + facts.CompanyKey, out var byCompany))
            matches.Add(new AccountMatch(byCompany.Name, byCompany.OwnerRepId, "company"));
        return matches;
    }

    // The raw payload is what was posted; it is read the way a new post would be, so a field the
    // parser has learned since is used in the replay too.
    private static LeadInput? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return LeadPayloadParser.Parse(document.RootElement, new Dictionary<string, string[]>(StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
