namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>A delivery as a client reads it from <c>GET /api/webhooks/deliveries</c>.</summary>
internal sealed record WebhookDeliveryView(
    long Id,
    string EventId,
    string EventType,
    string LeadId,
    string Subscription,
    string State,
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt);

/// <summary>One page of deliveries.</summary>
internal sealed record WebhookPageView(List<WebhookDeliveryView> Items, long? NextBefore);
