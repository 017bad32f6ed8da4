namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>
/// What a draft rule set would have changed over a set of stored leads. A lead can count under
/// several changes: a new team usually means a new rep as well.
/// </summary>
/// <param name="DraftVersion">Version of the draft rule set.</param>
/// <param name="Leads">Leads replayed.</param>
/// <param name="Unchanged">Leads whose team, rep, qualification and score would all stay the same.</param>
/// <param name="Team">Leads that would go to another team.</param>
/// <param name="Rep">Leads that would go to another rep (or to none, or from none).</param>
/// <param name="Qualification">Leads that would change between qualified, not qualified and disqualified.</param>
/// <param name="Score">Leads whose score would change.</param>
public sealed record BacktestReport(
    string DraftVersion,
    int Leads,
    int Unchanged,
    BacktestChange Team,
    BacktestChange Rep,
    BacktestChange Qualification,
    BacktestChange Score);
