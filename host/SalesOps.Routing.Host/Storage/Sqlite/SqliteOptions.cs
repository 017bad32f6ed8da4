using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>How long SQLite waits for a lock another connection or process holds.</summary>
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
}
