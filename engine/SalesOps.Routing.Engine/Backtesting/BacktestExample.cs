namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>One lead whose outcome a draft rule set would change.</summary>
/// <param name="LeadId">The stored lead's id.</param>
/// <param name="Source">The posting system.</param>
/// <param name="ExternalId">The posting system's id for the lead.</param>
/// <param name="Before">The stored outcome (team, rep, qualification or score); null when there was none.</param>
/// <param name="After">The outcome under the draft; null when there would be none.</param>
public sealed record BacktestExample(string LeadId, string Source, string ExternalId, string? Before, string? After);
