namespace SalesOps.Routing.Engine.Sla;

/// <summary>A clock to start: everything about it but the instant it starts at.</summary>
/// <param name="Kind">One of <see cref="SlaTargetKinds"/>.</param>
/// <param name="Cycle">1 for the first owner; one more after each reassignment.</param>
/// <param name="PolicyName">The policy it runs under.</param>
/// <param name="RuleSetVersion">The rule-set version the policy was read from.</param>
/// <param name="Terms">The policy's terms as they were then; the timer keeps them.</param>
/// <param name="CalendarKey">The calendar, as <see cref="SlaRules.FindCalendar"/> finds it again.</param>
/// <param name="TeamId">Owning team.</param>
/// <param name="RepId">Owning rep.</param>
public sealed record SlaTimerPlan(
    string Kind,
    int Cycle,
    string PolicyName,
    string RuleSetVersion,
    SlaPolicyTerms Terms,
    string CalendarKey,
    string? TeamId,
    string? RepId)
{
    /// <summary>Business time allowed for this kind of clock under the terms.</summary>
    public TimeSpan Target => Terms.TargetFor(Kind)?.Duration
        ?? throw new InvalidOperationException($"Policy '{PolicyName}' has no {Kind} target.");
}
