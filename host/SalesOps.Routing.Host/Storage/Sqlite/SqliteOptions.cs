using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>How long SQLite waits for a lock another connection or process holds, and how the write-ahead log is checkpointed.</summary>
internal sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>
    /// How long a statement waits for the write lock before the database counts as unavailable (503).
    /// Keep it below <c>Ingest:CommitTimeout</c>, so a locked file fails a batch before its posts give up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the readiness check waits for the write lock before reporting the database unhealthy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a background checkpointer copies the write-ahead log into the database file. SQLite's
    /// own automatic checkpoint runs inside whichever commit crosses 1,000 log pages, with an fsync of
    /// the database file, and that commit's whole batch of leads waits for it. Zero leaves
    /// checkpointing to SQLite. After each checkpoint the writer starts the log over, which takes
    /// longer the more the log holds: a short interval keeps each of those pauses short.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether the group-commit writer commits without an fsync (synchronous=NORMAL) and syncs the
    /// write-ahead log apart, on another thread, answering a batch only once a sync begun after its
    /// commit has returned: the fsync then overlaps the next batch instead of holding the write lock.
    /// Off, the writer commits with synchronous=FULL like every other connection. Either way an
    /// acknowledged lead has reached the disk.
    /// </summary>
    public bool SyncLogApartFromCommit { get; set; } = true;

    /// <summary>Log size, in pages, above which a checkpoint that could not copy everything is reported (a reader holds old pages).</summary>
    [Range(1_000, int.MaxValue)]
    public int CheckpointWarningPages { get; set; } = 100_000;
}
