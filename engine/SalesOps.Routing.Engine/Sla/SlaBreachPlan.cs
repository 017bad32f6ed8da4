namespace SalesOps.Routing.Engine.Sla;

/// <summary>What to do about one breach, worked out from the policy's actions.</summary>
/// <param name="Notify">Recipients, as <c>rep:ID</c>, <c>manager:ID</c> or <c>team:ID</c>.</param>
/// <param name="Reassign">True when the lead is to go to the team's next eligible rep; the list ends there.</param>
/// <param name="EscalateTo">The escalation target, <c>manager:ID</c> or <c>queue:NAME</c>, if one applies.</param>
/// <param name="Steps">What was decided at each action, in words, for the event and the log.</param>
public sealed record SlaBreachPlan(
    IReadOnlyList<string> Notify,
    bool Reassign,
    string? EscalateTo,
    IReadOnlyList<string> Steps);
