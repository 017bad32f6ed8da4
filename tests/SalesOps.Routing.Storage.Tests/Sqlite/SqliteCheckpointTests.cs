using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Storage.Tests.Contract;

namespace SalesOps.Routing.Storage.Tests.Sqlite;

/// <summary>
/// With the background checkpointer on (the default), commits leave the write-ahead log alone, so no
/// batch of leads waits for a checkpoint; the checkpointer copies the log into the database file.
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
        _host = await StoreHost.StartAsync(_database.Settings, _clock);
        // SQLite checkpoints when the last connection to a file closes, and other tests clear every
        // connection pool of the process when they finish: this one stays open, so none is the last.
        await using var bystander = new SqliteConnection(new SqliteConnectionStringBuilder(_database.Settings["ConnectionStrings:Routing"]) { Pooling = false }.ToString());
        await bystander.OpenAsync();

        for (var i = 0; i < Batches; i++)
            await CommitBatchAsync();
        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(checkpoint.LogPages > AutoCheckpointPages * 2, $"log {checkpoint.LogPages} pages: a commit checkpointed");
        Assert.Equal(checkpoint.LogPages, checkpoint.CheckpointedPages);
    }

    [Fact]
    public async Task Commits_WithTheCheckpointerOff_CheckpointThemselves()
    {
        _host = await StoreHost.StartAsync(new Dictionary<string, string?>(_database.Settings) { ["Storage:Sqlite:CheckpointInterval"] = "00:00:00" }, _clock);

        for (var i = 0; i < Batches; i++)
            await CommitBatchAsync();

        var checkpoint = await _host.Checkpointer.CheckpointAsync(CancellationToken.None);
        Assert.InRange(checkpoint.LogPages, 0, AutoCheckpointPages * 2);
    }

    private Task CommitBatchAsync() =>
        _host!.Store.CommitAsync([.. Enumerable.Range(0, 50).Select(_ => PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow()))], CancellationToken.None);
}
