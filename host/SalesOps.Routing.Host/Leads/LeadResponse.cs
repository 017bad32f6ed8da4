using System.Text.Json.Serialization;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>The decision for a lead, as the API returns it.</summary>
internal sealed record LeadResponse(
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
    IReadOnlyList<TraceEntryResponse> Trace)
{
    /// <summary>The lead's SLA clocks; filled in by reads of one lead.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SlaTimerResponse>? Timers { get; init; }

    public static LeadResponse From(LeadRecord record) => new(
        record.Id, record.ExternalId, record.Source, record.Decision.Status, record.Decision.Score, record.Decision.Qualified,
        record.Decision.TeamId, record.Decision.RepId, record.Decision.RepName, record.Decision.RuleSetVersion, record.ReceivedAt,
        [.. record.Decision.Trace.Select(t => new TraceEntryResponse(t.Stage, t.Rule, t.Effect))]);
}

/// <summary>One step of the decision trace.</summary>
internal sealed record TraceEntryResponse(string Stage, string Rule, string Effect);
