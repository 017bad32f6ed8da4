using SalesOps.Routing.Host.Storage.Sqlite;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// A rep's open leads and a lead's open assignment are found through the indexes every new lead
/// writes anyway: no index is kept only for them, and none of them scans a table that grows with every lead.
/// </summary>
public sealed class OwnershipQueryPlanTests() : SqlitePlanTest(nameof(OwnershipQueryPlanTests))
{
    [Fact]
    public async Task OpenLeadsOfRep_SearchTheRepsRangeOfLeadsByRepAndStatus()
    {
        var plan = await PlanAsync(SqliteOpsSql.Statements.SelectOpenLeadsOfRep, new { RepId = "rep-1" });

        Assert.Contains(plan, step => step.StartsWith("SEARCH leads USING INDEX ix_leads_rep_status (rep_id=? AND status=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN leads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndOpenAssignments_SearchTheLeadsAssignmentsOnly()
    {
        var plan = await PlanAsync(SqliteOpsSql.Statements.EndOpenAssignments, new { LeadId = "lead-1", EndedAt = "2026-12-07 10:00:00+00:00" });

        Assert.Contains(plan, step => step.StartsWith("SEARCH assignments USING INDEX ix_assignments_lead_id (lead_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN assignments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Assignments_AreIndexedByLeadAndByTime_Only()
    {
        // Each index is written by every new lead; ix_assignments_open_by_rep was, with no query to read it.
        var indexes = await QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assignments' ORDER BY name");

        Assert.Equal(["ix_assignments_assigned_at", "ix_assignments_lead_id"], indexes);
    }
}
