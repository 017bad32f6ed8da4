using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Sla;

internal sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>
    /// How often the sweep looks for warnings and breaches that came due. A breach waits up to one
    /// interval to be found; a look that finds nothing is one indexed read without the write lock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// False leaves sweeping to other hosts on the same database (or to a caller of the sweeper); the
    /// catch-up at start still runs.
    /// </summary>
    public bool ScheduledSweep { get; set; } = true;

    /// <summary>Most timers claimed in one transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// A batch stops claiming after holding the write lock this long and commits; the next batch takes
    /// the rest. New leads wait for that lock, so this bounds what a storm of breaches adds to a post.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan MaxBatchDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Between the batches of one sweep: room for a writer waiting for the lock to take its turn.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>A warning or breach recorded later than this after it was due is marked detected late.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromSeconds(5);
}
