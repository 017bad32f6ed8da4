using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file in the background (a PASSIVE checkpoint, which
/// neither waits for nor blocks the writer), so that no group commit carries a checkpoint and its
/// fsync of the database file. Runs only on the embedded database, when
/// <see cref="SqliteOptions.CheckpointInterval"/> is above zero; the connections then switch SQLite's
/// automatic checkpoint off. Once a checkpoint has copied a log of 1,000 pages or more, the writer
/// starts the log over before its next transaction, so the log file stays the size of about one
/// interval's writes.
/// <para>
/// That restart blocks the writer while it copies whatever was committed since the last checkpoint
/// and syncs the database file, and both grow with every page: each copied page is two system
/// calls, and the sync writes pages scattered across the file. So the checkpointer first catches
/// up: it copies again until the writer has added only a few pages since its previous round, and
/// only then asks for the restart. docs/performance.md has the measured pauses before and after.
/// </para>
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IStorageProvider storage,
    IOptions<SqliteOptions> options,
    ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    // The log is started over once it holds what SQLite's own automatic checkpoint would have copied.
    private const long RestartPages = 1_000;

    // Catching up stops once the writer added no more than this since the previous round (about a
    // batch of leads), or after so many rounds: a writer that outruns the copying still gets its restart.
    private const long CaughtUpPages = 64;
    private const int MaxCatchUpRounds = 4;

    // Only a checkpoint that found something new is logged: an idle service would log the same line every second.
    private PassiveResult _lastLogged;

    /// <summary>
    /// Checkpoints, catching up first when the log is due for a restart; returns the log's size and how
    /// much of it is now in the database file, in pages, as of the last round.
    /// </summary>
    public async Task<SqliteCheckpoint> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await storage.Connections.OpenAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var first = await PassiveAsync(connection, cancellationToken);
        var (result, rounds) = (first, 0);
        if (first.LogPages >= RestartPages && first.IsComplete && storage.Connections is SqliteConnectionFactory sqlite)
        {
            (result, rounds) = await CatchUpAsync(connection, first, cancellationToken);
            // Asked for even when a reader stopped the last round short: without a restart the log only
            // grows, and the writer's restart waits briefly for readers or leaves it to the next time.
            // A log smaller than at first was started over meanwhile (or the round found SQLite busy).
            if (result.LogPages >= first.LogPages)
                sqlite.RestartLogBeforeNextCommit();
        }

        var duration = Stopwatch.GetElapsedTime(started);
        if (result != _lastLogged)
            LogCheckpoint(result.LogPages, result.CheckpointedPages, duration.TotalMilliseconds, rounds);
        _lastLogged = result;
        if (result.LogPages > options.Value.CheckpointWarningPages && !result.IsComplete)
            LogBehind(result.LogPages, result.CheckpointedPages);
        return new SqliteCheckpoint(result.LogPages, result.CheckpointedPages, duration, rounds);
    }

    // Every page left for the writer's restart is copied and synced while leads wait, so copy again,
    // off the writer's path, what it committed during the previous round, until that is little.
    private static async Task<(PassiveResult Last, int Rounds)> CatchUpAsync(DbConnection connection, PassiveResult first, CancellationToken cancellationToken)
    {
        var (last, rounds) = (first, 0);
        while (rounds < MaxCatchUpRounds)
        {
            var next = await PassiveAsync(connection, cancellationToken);
            var added = next.LogPages - last.LogPages;
            (last, rounds) = (next, rounds + 1);
            if (!next.IsComplete || added <= CaughtUpPages)
                break;
        }

        return (last, rounds);
    }

    private static async Task<PassiveResult> PassiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var result = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
            new CommandDefinition("PRAGMA wal_checkpoint(PASSIVE);", cancellationToken: cancellationToken));
        return new PassiveResult(result.Log, result.Checkpointed);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint: {CheckpointedPages} of {LogPages} log pages in the database file after {Milliseconds:0.0} ms and {CatchUpRounds} catch-up rounds")]
    private partial void LogCheckpoint(long logPages, long checkpointedPages, double milliseconds, int catchUpRounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write-ahead log holds {LogPages} pages and only {CheckpointedPages} could be checkpointed: a long-running reader holds old pages")]
    private partial void LogBehind(long logPages, long checkpointedPages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint failed; retrying on the next tick")]
    private partial void LogFailed(Exception exception);
}

/// <summary>
/// One checkpoint: the log's size and how much of it is in the database file, in pages, after its last
/// round; how long it took; and how many rounds it copied again to catch up before a log restart.
/// </summary>
internal sealed record SqliteCheckpoint(long LogPages, long CheckpointedPages, TimeSpan Duration, int CatchUpRounds);

/// <summary>
/// One PASSIVE round: the log's size and how much of it is in the database file, in pages. SQLite
/// gives -1 for both when another checkpoint held the file, which reads as complete and as a log
/// too small to restart.
/// </summary>
internal readonly record struct PassiveResult(long LogPages, long CheckpointedPages)
{
    public bool IsComplete => CheckpointedPages == LogPages;
}
