namespace SalesOps.Routing.Host.Ingest;

/// <summary>Something waiting in the writer's queue for the next group commit: a lead or a change.</summary>
internal interface IQueuedWrite
{
    /// <summary>The writer takes the item into a batch; false when its request has already given up.</summary>
    bool TryClaim();

    /// <summary>The request gives up waiting; true when the writer had not taken the item, so it will never be written.</summary>
    bool TryAbandon();

    /// <summary>When the item was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks), to measure its wait for a batch.</summary>
    long QueuedAt { get; set; }
}
