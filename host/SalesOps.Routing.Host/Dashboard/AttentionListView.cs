namespace SalesOps.Routing.Host.Dashboard;

/// <summary>
/// Clocks at risk or breached, with the server's clock so the page counts down from the server's
/// time rather than from a browser clock that may be off.
/// </summary>
/// <param name="Since">For the breached list: breaches since then that have moved on are listed too (start of today in the dashboard's time zone).</param>
/// <param name="More">More clocks qualify than the list holds.</param>
internal sealed record AttentionListView(DateTimeOffset Now, DateTimeOffset? Since, IReadOnlyList<AttentionLeadView> Items, bool More);
