using Prometheus;
using SalesOps.Routing.Host.Observability;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>Webhook counters in the host's registry, labelled by subscription name (never by URL).</summary>
internal sealed class WebhookMetrics
{
    private readonly Counter _attempts;
    private readonly Counter _rounds;
    private readonly Histogram _deliverySeconds;

    public WebhookMetrics(RoutingMetrics metrics)
    {
        var factory = metrics.Factory;
        _attempts = factory.CreateCounter("salesops_routing_webhook_attempts_total",
            "HTTP attempts to send a webhook, by subscription and outcome (2xx, 3xx, 4xx, 5xx, timeout, network).", "subscription", "outcome");
        _rounds = factory.CreateCounter("salesops_routing_webhook_deliveries_total",
            "Rounds of attempts that ended, by subscription and result (delivered, rescheduled, failed).", "subscription", "result");
        _deliverySeconds = factory.CreateHistogram("salesops_routing_webhook_delivery_seconds",
            "From the event's commit to the receiver's 2xx, retries included.",
            new HistogramConfiguration { LabelNames = ["subscription"], Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600] });
    }

    public void Attempt(string subscription, string outcome) => _attempts.WithLabels(subscription, outcome).Inc();

    public void RoundEnded(string subscription, string result) => _rounds.WithLabels(subscription, result).Inc();

    public void Delivered(string subscription, TimeSpan sinceEvent) => _deliverySeconds.WithLabels(subscription).Observe(Math.Max(0, sinceEvent.TotalSeconds));
}
