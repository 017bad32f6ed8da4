namespace SalesOps.Routing.Host.Webhooks;

/// <summary>A delivery as <c>GET /api/webhooks/deliveries</c> shows it: the event, the receiver's name, and how sending went.</summary>
internal sealed record WebhookDeliveryView(
    long Id,
    string EventId,
    string EventType,
    string LeadId,
    string Subscription,
    string State,
    int Attempts,
    DateTimeOffset OccurredAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeliveredAt);
