using Dapper;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Storage.Tests.Infrastructure;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// A fresh database file built by the migrations, and SQLite's plan for a query against it. The host
/// never runs ANALYZE, so the plan on a fresh file is the one a new installation gets.
/// </summary>
public abstract class SqlitePlanTest : IDisposable
{
    private readonly string _path;

    protected SqlitePlanTest(string name)
    {
        _path = TestDatabases.NewSqliteFile(name);
        new SqliteConnectionFactory($"Data Source={_path}", Path.GetTempPath()).Initialize(MigrationMode.Apply);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
        GC.SuppressFinalize(this);
    }

    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c> for <paramref name="sql"/>, as SQLite words them.</summary>
    protected async Task<List<string>> PlanAsync(string sql, object parameters) =>
        [.. (await QueryAsync<PlanRow>($"EXPLAIN QUERY PLAN {sql}", parameters)).Select(r => r.Detail)];

    /// <summary>Runs <paramref name="sql"/> on the migrated file, e.g. to read its schema.</summary>
    protected async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        return await connection.QueryAsync<T>(sql, parameters);
    }

    private sealed class PlanRow
    {
        public string Detail { get; init; } = "";
    }
}
