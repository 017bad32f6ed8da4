using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>A stored lead as it was received, with the decision that was made for it then.</summary>
/// <param name="LeadId">The stored lead's id.</param>
/// <param name="Input">The lead as received.</param>
/// <param name="ReceivedAt">When it arrived; the replay decides it at that instant (working hours, daily limits).</param>
/// <param name="Decision">The decision stored for it.</param>
public sealed record HistoricLead(string LeadId, LeadInput Input, DateTimeOffset ReceivedAt, Decision Decision);
