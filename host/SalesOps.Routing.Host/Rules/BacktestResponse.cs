using SalesOps.Routing.Engine.Backtesting;

namespace SalesOps.Routing.Host.Rules;

/// <summary>
/// What a draft rule set would have changed over the leads received in a window. Leads whose stored
/// payload no longer parses are counted as skipped; a window with more leads than the limit is cut
/// at the limit (oldest first) and marked truncated.
/// </summary>
internal sealed record BacktestResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string DraftVersion,
    int Leads,
    int Skipped,
    bool Truncated,
    int Unchanged,
    BacktestChanges Changes);

/// <summary>The changes by kind.</summary>
internal sealed record BacktestChanges(BacktestChange Team, BacktestChange Rep, BacktestChange Qualification, BacktestChange Score);
