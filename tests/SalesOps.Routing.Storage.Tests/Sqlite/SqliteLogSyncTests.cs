using Dapper;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;

namespace SalesOps.Routing.Storage.Tests.Sqlite;

/// <summary>
/// The group-commit writer's connection commits without an fsync and the log is synced apart
/// (<see cref="IConnectionFactory.SyncLog"/>); every other connection commits with one.
/// </summary>
public sealed class SqliteLogSyncTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesops-logsync-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task WritersConnection_CommitsWithoutAnFsync_OnlyWhenTheLogIsSyncedApart(bool apart, int writerLevel)
    {
        var connections = Factory(apart);

        await using var writer = await connections.OpenBetweenCommitsAsync(CancellationToken.None);
        await using var other = await connections.OpenAsync(CancellationToken.None);

        Assert.Equal(apart, connections.SyncsLogApart);
        // PRAGMA synchronous: 1 is NORMAL (no fsync at commit in WAL mode), 2 is FULL.
        Assert.Equal(writerLevel, await writer.ExecuteScalarAsync<int>("PRAGMA synchronous;"));
        Assert.Equal(2, await other.ExecuteScalarAsync<int>("PRAGMA synchronous;"));
    }

    [Fact]
    public async Task PooledWriterConnection_IsBackToFullSync_WhenAnyoneElseOpensIt()
    {
        var connections = Factory(apart: true);
        await using (await connections.OpenBetweenCommitsAsync(CancellationToken.None))
        {
        }

        await using var reopened = await connections.OpenAsync(CancellationToken.None);

        Assert.Equal(2, await reopened.ExecuteScalarAsync<int>("PRAGMA synchronous;"));
    }

    [Fact]
    public async Task LogPath_IsTheFileTheWritersCommitsGoTo_AndSyncingItSucceeds()
    {
        var connections = Factory(apart: true);
        var marker = $"log-sync-probe-{Guid.NewGuid():N}";

        await using var writer = await connections.OpenBetweenCommitsAsync(CancellationToken.None);
        await using (var transaction = await writer.BeginTransactionAsync())
        {
            await writer.ExecuteAsync("CREATE TABLE probe (body TEXT); INSERT INTO probe (body) VALUES (@Marker);", new { Marker = marker }, transaction);
            await transaction.CommitAsync();
        }

        // In WAL mode the committed page, marker and all, sits in the log until a checkpoint copies it.
        Assert.Contains(marker, await ReadSharedAsync(connections.LogPath), StringComparison.Ordinal);
        connections.SyncLog();
    }

    [Fact]
    public void SyncLog_WithNoLogFile_HasNothingToSync()
    {
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, "never-opened.db")}", _folder);

        connections.SyncLog();

        Assert.False(File.Exists(connections.LogPath));
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(log, System.Text.Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    private SqliteConnectionFactory Factory(bool apart)
    {
        var connections = new SqliteConnectionFactory($"Data Source={Path.Combine(_folder, $"routing-{apart}.db")}", _folder,
            new SqliteOptions { SyncLogApartFromCommit = apart, CheckpointInterval = TimeSpan.FromMinutes(10) });
        connections.Initialize(MigrationMode.Apply);
        return connections;
    }
}
