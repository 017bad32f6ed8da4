using Dapper;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.Sqlite;

/// <summary>
/// The writer's rows go to SQLite with their parameters already named as the statements name them,
/// through Dapper's own binding for the row type (the timestamp handler included).
/// </summary>
public sealed class PrefixedParametersTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public PrefixedParametersTests()
    {
        DateTimeOffsetHandler.Register();
        _connection.Open();
        _connection.Execute("CREATE TABLE t (id TEXT PRIMARY KEY, at TEXT NOT NULL, note TEXT, updated_at TEXT NOT NULL)");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Rows_AreStoredWithEveryValue_TheExtraColumnsAndTimestampsInUtc()
    {
        var at = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(2));
        var rows = new[]
        {
            new PrefixedParameters(new { Id = "a", At = at, Note = (string?)"first" }, new { UpdatedAt = at.AddMinutes(1) }),
            new PrefixedParameters(new { Id = "b", At = at.AddHours(1), Note = (string?)null }, new { UpdatedAt = at.AddMinutes(2) }),
        };

        var written = await _connection.ExecuteAsync("INSERT INTO t (id, at, note, updated_at) VALUES (@Id, @At, @Note, @UpdatedAt)", rows);

        Assert.Equal(2, written);
        var stored = (await _connection.QueryAsync<(string Id, string At, string? Note, string UpdatedAt)>(
            "SELECT id, at, note, updated_at FROM t ORDER BY id")).ToList();
        Assert.Equal(
        [
            ("a", "2026-11-24 09:00:00+00:00", "first", "2026-11-24 09:01:00+00:00"),
            ("b", "2026-11-24 10:00:00+00:00", null, "2026-11-24 09:02:00+00:00"),
        ], stored);
    }

    [Fact]
    public async Task Parameters_CarryTheAtPrefix_SoAStatementNamingThemOtherwiseFindsNone()
    {
        // A bare name would be found under any prefix; a name that already has one is found only under it.
        var row = new PrefixedParameters(new { Id = "a", At = DateTimeOffset.UnixEpoch, Note = "x" }, new { UpdatedAt = DateTimeOffset.UnixEpoch });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _connection.ExecuteAsync("INSERT INTO t (id, at, note, updated_at) VALUES ($Id, $At, $Note, $UpdatedAt)", row));

        Assert.Contains("$Id", refused.Message, StringComparison.Ordinal);
    }
}
