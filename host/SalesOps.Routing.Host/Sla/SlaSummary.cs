namespace SalesOps.Routing.Host.Sla;

/// <summary>Speed to lead for the first-touch clocks started in [<see cref="From"/>, <see cref="To"/>).</summary>
internal sealed record SlaSummary(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaTeamSummary> Teams);

/// <summary>One team's numbers, and the same per rep.</summary>
internal sealed record SlaTeamSummary(string? Team, SlaFigures Figures, IReadOnlyList<SlaRepSummary> Reps);

/// <summary>One rep's numbers within a team.</summary>
internal sealed record SlaRepSummary(string? Rep, SlaFigures Figures);

/// <summary>
/// Counts and business minutes to first touch. <see cref="PercentMet"/> is met over every clock whose
/// outcome is known (met, late, breached, or moved on after a breach); null while none is.
/// </summary>
internal sealed record SlaFigures(int Timers, int Met, int Late, int Breaches, int Open, double? PercentMet, double? MedianMinutes, double? P90Minutes);
