namespace SalesOps.Routing.Host.Sla;

/// <summary>The statements the SLA code issues, supplied per dialect; parameters are always named and bound.</summary>
internal sealed record SlaStatements
{
    public required string InsertTimer { get; init; }

    /// <summary>
    /// A clock as <c>SlaTimer.Start</c> makes it: nothing paused, warned, breached, stopped, touched
    /// or escalated yet, last updated when it started. Those columns are written as literals rather
    /// than bound: the lead writer starts a clock for nearly every lead, and binding is a large part
    /// of its work per lead (docs/performance.md has the measurement).
    /// </summary>
    public required string InsertStartedTimer { get; init; }
    public required string UpdateTimerIfState { get; init; }
    public required string SelectTimersByLead { get; init; }
    public required string LeadExists { get; init; }
    public required string SelectDueBreaches { get; init; }
    public required string SelectDueWarnings { get; init; }
    public required string SelectNextDue { get; init; }
    public required string InsertEvent { get; init; }
    public required string SelectAtRisk { get; init; }
    public required string CountAtRisk { get; init; }
    public required string SelectBreached { get; init; }
    public required string CountBreached { get; init; }
    public required string SelectByState { get; init; }
    public required string CountByState { get; init; }
    public required string SelectFirstTouchOutcomes { get; init; }
}
