using Prometheus;

namespace SalesOps.Routing.Host.Observability;

/// <summary>
/// The service's own metrics, published in Prometheus format at <c>/metrics</c>. Each host has its own
/// registry, so two hosts in one process (as in tests) do not share counts.
/// </summary>
internal sealed class RoutingMetrics
{
    private readonly Counter _received;
    private readonly Counter _routed;
    private readonly Counter _rejected;
    private readonly Histogram _decisionSeconds;
    private readonly Counter _slaEvents;

    public RoutingMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        _received = factory.CreateCounter("salesops_routing_leads_received_total", "Leads posted, before validation.");
        _routed = factory.CreateCounter("salesops_routing_leads_routed_total", "Leads decided and committed, by status.", "status");
        _rejected = factory.CreateCounter("salesops_routing_leads_rejected_total", "Leads refused, by reason.", "reason");
        _decisionSeconds = factory.CreateHistogram("salesops_routing_decision_duration_seconds", "From request received to decision committed.",
            new HistogramConfiguration { Buckets = LatencyBuckets() });
        _slaEvents = factory.CreateCounter("salesops_routing_sla_events_total", "SLA warnings, breaches, reassignments and escalations recorded by the sweep.", "event");

        // The runtime's own statistics above count collections but not how long they stopped the
        // process; a post that arrives during a pause waits the whole of it.
        var gcPause = factory.CreateCounter("salesops_routing_gc_pause_seconds_total", "Time the runtime has paused this process for garbage collection since it started.");
        Registry.AddBeforeCollectCallback(() => gcPause.IncTo(GC.GetTotalPauseDuration().TotalSeconds));

        // What drives those pauses: a busier heap collects more often. Divided by the leads routed over
        // the same window, it is what a lead allocates, which a benchmark sees only one part at a time.
        var allocated = factory.CreateCounter("salesops_routing_gc_allocated_bytes_total", "Bytes this process has allocated on the managed heap since it started.");
        Registry.AddBeforeCollectCallback(() => allocated.IncTo(GC.GetTotalAllocatedBytes()));
    }

    public CollectorRegistry Registry { get; }

    /// <summary>
    /// Buckets for the service's latency histograms, 0.5 ms to 2.5 s. They share their edges so that a
    /// post's latency reads side by side with its parts (the queue wait, the batch, the log sync).
    /// A new array each time, for each histogram to own.
    /// </summary>
    public static double[] LatencyBuckets() => [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    /// <summary>Creates a further metric in this host's registry (used by other features, e.g. SLA).</summary>
    public MetricFactory Factory => Metrics.WithCustomRegistry(Registry);

    public void Received() => _received.Inc();

    public void SlaSwept(int warnings, int breaches, int reassigned, int escalated)
    {
        _slaEvents.WithLabels("warning").Inc(warnings);
        _slaEvents.WithLabels("breach").Inc(breaches);
        _slaEvents.WithLabels("reassigned").Inc(reassigned);
        _slaEvents.WithLabels("escalated").Inc(escalated);
    }

    public void Rejected(string reason) => _rejected.WithLabels(reason).Inc();

    public void Routed(string status, TimeSpan elapsed)
    {
        _routed.WithLabels(status).Inc();
        _decisionSeconds.Observe(elapsed.TotalSeconds);
    }
}
