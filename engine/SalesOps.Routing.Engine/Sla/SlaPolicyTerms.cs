namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// What a policy promises, without its condition: the part a timer keeps for its whole life, so that
/// an edit of the policy file never changes the clocks already running.
/// </summary>
/// <param name="Calendar">A calendar name, <see cref="SlaCalendars.Rep"/> or <see cref="SlaCalendars.Team"/>.</param>
/// <param name="Hours">The calendar whose hours a rep or team calendar uses; null for a named calendar.</param>
/// <param name="WarnAtPercent">Share of the target after which the clock warns, 1 to 99.</param>
/// <param name="Targets">The clocks, at most one per kind.</param>
/// <param name="OnBreach">What happens when a clock runs out, in order.</param>
public sealed record SlaPolicyTerms(
    string Calendar,
    string? Hours,
    int WarnAtPercent,
    IReadOnlyList<SlaTarget> Targets,
    IReadOnlyList<SlaBreachAction> OnBreach)
{
    /// <summary>The target of <paramref name="kind"/>, or null when the policy runs no such clock.</summary>
    public SlaTarget? TargetFor(string kind) => Targets.FirstOrDefault(t => t.Kind == kind);
}
