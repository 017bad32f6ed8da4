using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file in the background (a PASSIVE checkpoint, which
/// neither waits for nor blocks the writer), so that no group commit carries a checkpoint and its
/// fsync of the database file. Runs only on the embedded database, when
/// <see cref="SqliteOptions.CheckpointInterval"/> is above zero; the connections then switch SQLite's
/// automatic checkpoint off. Once it has copied the whole log, the writer starts the log over before
/// its next transaction, so the log file stays the size of about one interval's writes.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IStorageProvider storage,
    IOptions<SqliteOptions> options,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    // The log is started over once it holds what SQLite's own automatic checkpoint would have copied.
    private const long RestartPages = 1_000;

    // Only a checkpoint that found something new is logged: an idle service would log the same line every second.
    private (long Log, long Checkpointed) _lastPages;

    /// <summary>Checkpoints once; returns the log's size and how much of it is now in the database file, in pages.</summary>
    public async Task<SqliteCheckpoint> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await storage.Connections.OpenAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var result = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
            new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: cancellationToken));
        var checkpoint = new SqliteCheckpoint(result.Log, result.Checkpointed, Stopwatch.GetElapsedTime(started));
        if ((checkpoint.LogPages, checkpoint.CheckpointedPages) != _lastPages)
            LogCheckpoint(checkpoint.LogPages, checkpoint.CheckpointedPages, checkpoint.Duration.TotalMilliseconds);
        _lastPages = (checkpoint.LogPages, checkpoint.CheckpointedPages);
        if (checkpoint.LogPages >= RestartPages && checkpoint.CheckpointedPages == checkpoint.LogPages && storage.Connections is SqliteConnectionFactory sqlite)
            sqlite.RestartLogBeforeNextCommit();
        if (checkpoint.LogPages > options.Value.CheckpointWarningPages && checkpoint.CheckpointedPages < checkpoint.LogPages)
            LogBehind(checkpoint.LogPages, checkpoint.CheckpointedPages);
        return checkpoint;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (storage.Name != StorageProviders.Sqlite || interval <= TimeSpan.Zero)
            return;

        // Wall-clock mechanics, not business time: the injected TimeProvider may be a test's frozen clock.
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        // Stopping cancels the wait; the host takes that cancellation as a normal end.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; until then the log only grows.
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint: {CheckpointedPages} of {LogPages} log pages in the database file after {Milliseconds:0.0} ms")]
    private partial void LogCheckpoint(long logPages, long checkpointedPages, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write-ahead log holds {LogPages} pages and only {CheckpointedPages} could be checkpointed: a long-running reader holds old pages")]
    private partial void LogBehind(long logPages, long checkpointedPages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}

/// <summary>One checkpoint: the log's size and how much of it is in the database file, in pages, and how long it took.</summary>
internal sealed record SqliteCheckpoint(long LogPages, long CheckpointedPages, TimeSpan Duration);
