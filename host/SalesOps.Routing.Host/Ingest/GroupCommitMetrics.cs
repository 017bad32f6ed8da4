using System.Text.Json;
using Prometheus;
using SalesOps.Routing.Host.Observability;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// How the single writer keeps up, in the host's registry. The commit time's sum over a minute,
/// divided by 60, is the share of that minute the writer was busy: near 1, posts wait for it and
/// latency grows with the queue, whatever the CPU says. The batch size shows how much one fsync
/// carries. The stage counters split that busy time, so the same rate tells whether writing (connect,
/// rows, commit) or what only routing needs (the routing state and lookups it reads, the assignment
/// rules) holds the writer up.
/// </summary>
internal sealed class GroupCommitMetrics : IWriteStageTimer
{
    private readonly Histogram _items;
    private readonly Histogram _seconds;
    private readonly Gauge _queued;
    private readonly Histogram _syncSeconds;
    private readonly Histogram _waitSeconds;
    private readonly Counter.Child[] _stageSeconds;

    public GroupCommitMetrics(RoutingMetrics metrics)
    {
        var factory = metrics.Factory;
        _items = factory.CreateHistogram("salesops_routing_group_commit_items",
            "Leads and changes committed by one transaction of the writer.",
            new HistogramConfiguration { Buckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000] });
        _seconds = factory.CreateHistogram("salesops_routing_group_commit_seconds",
            "Time the writer spent on one batch: the rotation, the decisions, the rows and the commit with its fsync.",
            new HistogramConfiguration { Buckets = RoutingMetrics.LatencyBuckets() });
        _queued = factory.CreateGauge("salesops_routing_group_commit_queued",
            "Leads and changes waiting for the writer when its last batch committed.");
        _waitSeconds = factory.CreateHistogram("salesops_routing_group_commit_wait_seconds",
            "How long a lead or change waited in the writer's queue before a batch took it (time queued for room included).",
            new HistogramConfiguration { Buckets = RoutingMetrics.LatencyBuckets() });
        _syncSeconds = factory.CreateHistogram("salesops_routing_log_sync_seconds",
            "One sync of the database log, which the batches committed before it wait for before they are answered (SQLite with the log synced apart).",
            new HistogramConfiguration { Buckets = RoutingMetrics.LatencyBuckets() });
        var stageSeconds = factory.CreateCounter("salesops_routing_group_commit_stage_seconds_total",
            "The writer's time on committed batches, by stage: connect, routing-state, changes, lookups, decide, rows, commit.", "stage");
        // Resolved once: looking a label up for each stage of each batch would cost the writer, which every lead waits for.
        _stageSeconds = [.. WriteStageLaps.Stages.Select(stage => stageSeconds.WithLabels(StageLabel(stage)))];
    }

    public void Committed(int items, int stillQueued, TimeSpan elapsed)
    {
        _items.Observe(items);
        _seconds.Observe(elapsed.TotalSeconds);
        _queued.Set(stillQueued);
    }

    public void Committed(WriteStageLaps laps)
    {
        for (var i = 0; i < _stageSeconds.Length; i++)
            _stageSeconds[i].Inc(laps.Seconds(WriteStageLaps.Stages[i]));
    }

    // The stage's name as a label: RoutingState is "routing-state", so a stage added to the enum is published without more code.
    private static string StageLabel(WriteStage stage) => JsonNamingPolicy.KebabCaseLower.ConvertName(stage.ToString());

    /// <summary>A batch took an item that had waited <paramref name="elapsed"/> since it was queued.</summary>
    public void Waited(TimeSpan elapsed) => _waitSeconds.Observe(elapsed.TotalSeconds);

    /// <summary>A sync of the log returned (or failed) after <paramref name="elapsed"/>.</summary>
    public void Synced(TimeSpan elapsed) => _syncSeconds.Observe(elapsed.TotalSeconds);
}
