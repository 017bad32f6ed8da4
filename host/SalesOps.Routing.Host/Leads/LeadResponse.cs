using System.Text.Json.Serialization;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// A lead as the API returns it. Posting returns the decision; reading one lead returns its status and
/// owner now (an SLA breach or ops may have moved it), with the decision's own choice in
/// <see cref="Decided"/>, the decision's trace, and every assignment since.
/// </summary>
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
    /// <summary>The status, team and rep the routing decision chose; filled in by reads of one lead.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DecidedOwnerResponse? Decided { get; init; }

    /// <summary>Each rep who has owned the lead, first decision first; filled in by reads of one lead.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AssignmentResponse>? Assignments { get; init; }

    /// <summary>The lead's SLA clocks; filled in by reads of one lead.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SlaTimerResponse>? Timers { get; init; }

    public static LeadResponse From(LeadRecord record) => new(
        record.Id, record.ExternalId, record.Source, record.Decision.Status, record.Decision.Score, record.Decision.Qualified,
        record.Decision.TeamId, record.Decision.RepId, record.Decision.RepName, record.Decision.RuleSetVersion, record.ReceivedAt,
        [.. record.Decision.Trace.Select(t => new TraceEntryResponse(t.Stage, t.Rule, t.Effect))]);

    /// <summary>This decision as the lead stands now: current status and owner on top, the decision's choice kept apart.</summary>
    public LeadResponse AsOf(LeadNow now, RuleSet rules)
    {
        // The decision's rep name is what the rep was called then; a later owner is named as the rules name them today.
        var repName = now.RepId is null ? null
            : string.Equals(now.RepId, RepId, StringComparison.OrdinalIgnoreCase) ? RepName
            : rules.Reps.GetValueOrDefault(now.RepId)?.Name;
        return this with
        {
            Status = now.Status,
            Team = now.TeamId,
            RepId = now.RepId,
            RepName = repName,
            Decided = new DecidedOwnerResponse(Status, Team, RepId, RepName),
            Assignments = [.. now.Assignments.Select(AssignmentResponse.From)],
        };
    }
}

/// <summary>One step of the decision trace.</summary>
internal sealed record TraceEntryResponse(string Stage, string Rule, string Effect);
