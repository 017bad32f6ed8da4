namespace SalesOps.Routing.Host.Sla;

/// <summary>A warning or a breach that has come due: the row as read, the instant it came due at, and which of the two it is.</summary>
internal sealed record SlaDueTimer(DateTimeOffset At, SlaTimerRow Row, bool IsBreach);
