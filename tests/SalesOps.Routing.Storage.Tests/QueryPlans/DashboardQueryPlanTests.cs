using SalesOps.Routing.Host.Dashboard;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// The dashboard runs its queries on every refresh, at most once a second per open page while leads
/// arrive. A query that scans a table whose rows accumulate over the days gets slower every day.
/// </summary>
public sealed class DashboardQueryPlanTests() : SqlitePlanTest(nameof(DashboardQueryPlanTests))
{
    private static readonly object Today = new { From = "2026-12-05 00:00:00+00:00", To = "2026-12-06 00:00:00+00:00" };

    [Fact]
    public async Task AssignmentsByRepToday_ReadOnlyTodaysRangeOfAnIndex_WithoutScanningOrReadingTheTable()
    {
        var plan = await PlanAsync(SqliteDashboardSql.Statements.AssignmentsByRepBetween, Today);

        Assert.Contains(plan, step => step.StartsWith("SEARCH assignments USING COVERING INDEX ix_assignments_assigned_at (assigned_at>? AND assigned_at<?)",
            StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN assignments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeadsReceivedToday_ReadOnlyTodaysRangeOfAnIndex()
    {
        var plan = await PlanAsync(SqliteDashboardSql.Statements.ReceivedBetween, Today);

        Assert.Contains(plan, step => step.StartsWith("SEARCH leads USING COVERING INDEX ix_leads_received_at (received_at>? AND received_at<?)",
            StringComparison.Ordinal));
    }
}
