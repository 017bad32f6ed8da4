using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Ingest;

internal sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Most leads committed in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>Leads waiting for the writer before new posts wait for room.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 8192;

    /// <summary>How long a request waits for its commit before answering 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CommitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rolled-back batches of sample leads written at start, before the host listens (0: none). See <see cref="WritePathWarmUp"/>.</summary>
    [Range(0, 10_000)]
    public int WarmUpBatches { get; set; } = 40;

    /// <summary>Sample leads in each warm-up batch.</summary>
    [Range(1, 1_000)]
    public int WarmUpBatchSize { get; set; } = 8;
}
