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

    /// <summary>The migrated file the plans are taken on.</summary>
    protected string DatabasePath => _path;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
        GC.SuppressFinalize(this);
    }

    /// <summary>The steps of <c>EXPLAIN QUERY PLAN</c> for <paramref name="sql"/>, as SQLite words them.</summary>
    protected async Task<List<string>> PlanAsync(string sql, object parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        var rows = await connection.QueryAsync<PlanRow>($"EXPLAIN QUERY PLAN {sql}", parameters);
        return [.. rows.Select(r => r.Detail)];
    }

    private sealed class PlanRow
    {
        public string Detail { get; init; } = "";
    }
}
