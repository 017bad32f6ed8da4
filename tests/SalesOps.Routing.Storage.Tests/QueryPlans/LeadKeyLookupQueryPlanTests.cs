using SalesOps.Routing.Host.Storage.Sqlite;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// The writer looks up every lead of a batch by its source and external id before deciding it, to
/// answer a repeated post with the stored lead. If that lookup scans the leads table, each batch
/// reads every lead ever stored, and the writer slows as the table grows.
/// </summary>
public sealed class LeadKeyLookupQueryPlanTests() : SqlitePlanTest(nameof(LeadKeyLookupQueryPlanTests))
{
    [Fact]
    public async Task FindIdsByKeys_ProbesTheUniqueKeyIndexOncePerKey_WithoutScanningTheLeads()
    {
        var plan = await PlanAsync(SqliteLeadSql.Statements.FindIdsByKeys, new { Keys = """[["hubspot","a-1"],["web-form","b-2"]]""" });

        Assert.Contains(plan, step => step.StartsWith("SEARCH l USING INDEX ux_leads_source_external_id (source=? AND external_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN l", StringComparison.Ordinal));
    }
}
