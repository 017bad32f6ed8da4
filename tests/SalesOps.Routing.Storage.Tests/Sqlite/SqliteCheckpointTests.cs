using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Storage.Tests.Contract;

namespace SalesOps.Routing.Storage.Tests.Sqlite;

/// <summary>
/// With the background checkpointer on (the default), commits leave the write-ahead log alone, so no
/// batch of leads waits for a checkpoint; the checkpointer copies the log into the database file, and
/// the writer then starts the log over before its next transaction.
/// </summary>
public sealed class SqliteCheckpointTests : IAsyncLifetime
{
    // SQLite's automatic checkpoint runs when a commit leaves more than this many pages in the log.
    private const long AutoCheckpointPages = 1_000;

    // Enough 50-lead batches to write well over twice that many pages.
    private const int Batches = 60;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteContractDatabase _database = new(nameof(SqliteCheckpointTests));
    private StoreHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
            await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Commits_WithTheCheckpointerOn_LeaveTheLogToItAndItCopiesAll()
    {
        _host = await StoreHost.StartAsync(WithCheckpointInterval("00:10:00"), _clock);
        await using var bystander = await FillTheLogAsync();

        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(checkpoint.LogPages > AutoCheckpointPages * 2, $"log {checkpoint.LogPages} pages: a commit checkpointed");
        Assert.Equal(checkpoint.LogPages, checkpoint.CheckpointedPages);
    }

    [Fact]
    public async Task TheNextCommit_AfterTheCheckpointerCopiedTheLog_StartsTheLogOver()
    {
        _host = await StoreHost.StartAsync(WithCheckpointInterval("00:10:00"), _clock);
        await using var bystander = await FillTheLogAsync();

        // Under load the checkpoint always ends while a write is in progress; SQLite then never finds
        // the whole log copied when a write begins, and never starts it over on its own.
        await using (var off = bystander.CreateCommand())
        {
            // As the service's own connections: no checkpoint at commit.
            off.CommandText = "PRAGMA wal_autocheckpoint = 0";
            await off.ExecuteNonQueryAsync();
        }

        await using (var write = bystander.BeginTransaction())
        {
            await using var insert = bystander.CreateCommand();
            insert.Transaction = write;
            insert.CommandText = "INSERT INTO baseline_leads (id, received_at, payload) VALUES ('in-progress', '2026-11-24T09:00:00Z', '{}')";
            await insert.ExecuteNonQueryAsync();
            var copied = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);
            Assert.True(copied.LogPages > AutoCheckpointPages * 2, $"log {copied.LogPages} pages before");
            await write.CommitAsync();
        }

        await CommitBatchAsync();
        var after = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);

        // Without the restart the log only grows: it would hold the earlier pages and this batch's.
        Assert.InRange(after.LogPages, 1, AutoCheckpointPages / 4);
        Assert.Equal(after.LogPages, after.CheckpointedPages);
    }

    [Fact]
    public async Task Checkpoint_OfAQuietLogDueForARestart_TakesOneCatchUpRound()
    {
        _host = await StoreHost.StartAsync(WithCheckpointInterval("00:10:00"), _clock);
        await using var bystander = await FillTheLogAsync();

        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);

        // Nothing was committed during the first round: one more round finds that, and the restart is asked for.
        Assert.Equal(1, checkpoint.CatchUpRounds);
        Assert.Equal(checkpoint.LogPages, checkpoint.CheckpointedPages);
    }

    [Fact]
    public async Task Checkpoint_OfALogTooSmallToRestart_DoesNotCatchUp()
    {
        _host = await StoreHost.StartAsync(WithCheckpointInterval("00:10:00"), _clock);
        await using var bystander = await OpenBystanderAsync();
        await CommitBatchAsync();

        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.InRange(checkpoint.LogPages, 1, AutoCheckpointPages - 1);
        Assert.Equal(0, checkpoint.CatchUpRounds);
    }

    [Fact]
    public async Task Commits_WithTheCheckpointerOff_CheckpointThemselves()
    {
        _host = await StoreHost.StartAsync(WithCheckpointInterval("00:00:00"), _clock);

        for (var i = 0; i < Batches; i++)
            await CommitBatchAsync();

        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.InRange(checkpoint.LogPages, 0, AutoCheckpointPages * 2);
    }

    // A bystander holding the file open, and the log past several automatic checkpoints' worth of pages.
    private async Task<SqliteConnection> FillTheLogAsync()
    {
        var bystander = await OpenBystanderAsync();
        for (var i = 0; i < Batches; i++)
            await CommitBatchAsync();
        return bystander;
    }

    // Ten minutes keeps the checkpointer on without its timer firing during a test, which checkpoints
    // when it means to; zero switches it off.
    private Dictionary<string, string?> WithCheckpointInterval(string interval) =>
        new(_database.Settings) { ["Storage:Sqlite:CheckpointInterval"] = interval };

    // SQLite checkpoints when the last connection to a file closes, and other tests clear every
    // connection pool of the process when they finish: this one stays open, so none is the last.
    private async Task<SqliteConnection> OpenBystanderAsync()
    {
        var bystander = new SqliteConnection(new SqliteConnectionStringBuilder(_database.Settings["ConnectionStrings:Routing"]) { Pooling = false }.ToString());
        await bystander.OpenAsync();

        // A connection counts only once it has read: then it holds its shared lock on the file.
        await using var read = bystander.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_schema";
        await read.ExecuteScalarAsync();
        return bystander;
    }

    private Task CommitBatchAsync() =>
        _host!.Store.CommitAsync([.. Enumerable.Range(0, 50).Select(_ => PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow()))], CancellationToken.None);
}
