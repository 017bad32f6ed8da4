namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>The decision as a client reads it from the API.</summary>
internal sealed record LeadDecision(
    string Id,
    string ExternalId,
    string Source,
    string Status,
    int Score,
    bool Qualified,
    string? Team,
    string? RepId,
    string? RepName,
    string RuleSetVersion,
    DateTimeOffset ReceivedAt,
    List<LeadDecision.Step> Trace)
{
    internal sealed record Step(string Stage, string Rule, string Effect);
}
