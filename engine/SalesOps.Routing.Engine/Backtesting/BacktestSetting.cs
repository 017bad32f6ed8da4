using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Backtesting;

/// <summary>What a replay assigns against, beside the draft rules.</summary>
/// <param name="State">
/// Routing state as it stood before the first lead: each team's last rep, and rep state. It is
/// advanced by the replay, so pass a copy that is not written back.
/// </param>
/// <param name="Accounts">The known accounts a lead belongs to, for account-owner routing.</param>
/// <param name="DuplicateWindow">How far back an open lead with the same e-mail ties a new lead to its owner.</param>
public sealed record BacktestSetting(RoutingState State, Func<LeadFacts, IReadOnlyList<AccountMatch>> Accounts, TimeSpan DuplicateWindow);
