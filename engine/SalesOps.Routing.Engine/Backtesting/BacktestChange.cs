namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>How many leads a draft would change in one respect, with a few of them as examples.</summary>
/// <param name="Count">Leads whose outcome would differ.</param>
/// <param name="Examples">The first few of them, in the order they were received.</param>
public sealed record BacktestChange(int Count, IReadOnlyList<BacktestExample> Examples);
