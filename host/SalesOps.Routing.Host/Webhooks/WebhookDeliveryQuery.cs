namespace SalesOps.Routing.Host.Webhooks;

/// <summary>Which deliveries to list: by state and subscription, newest first, below an id for the next page.</summary>
internal sealed record WebhookDeliveryQuery(string? State, string? Subscription, long? Before, int Limit);
