using Dapper;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Storage.Tests.Infrastructure;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// The writer looks up every lead of a batch by its source and external id before deciding it, to
/// answer a repeated post with the stored lead. If that lookup scans the leads table, each batch
/// reads every lead ever stored, and the writer slows as the table grows.
/// </summary>
public sealed class LeadKeyLookupQueryPlanTests : IDisposable
{
    private readonly string _path = TestDatabases.NewSqliteFile(nameof(LeadKeyLookupQueryPlanTests));

    public LeadKeyLookupQueryPlanTests() =>
        new SqliteConnectionFactory($"Data Source={_path}", Path.GetTempPath()).Initialize(MigrationMode.Apply);

    [Fact]
    public async Task FindIdsByKeys_ProbesTheUniqueKeyIndexOncePerKey_WithoutScanningTheLeads()
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();

        var plan = (await connection.QueryAsync<PlanRow>($"EXPLAIN QUERY PLAN {SqliteLeadSql.Statements.FindIdsByKeys}",
            new { Keys = """[["hubspot","a-1"],["web-form","b-2"]]""" })).Select(r => r.Detail).ToList();

        Assert.Contains(plan, step => step.StartsWith("SEARCH l USING INDEX ux_leads_source_external_id (source=? AND external_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN l", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
    }

    private sealed class PlanRow
    {
        public string Detail { get; init; } = "";
    }
}
