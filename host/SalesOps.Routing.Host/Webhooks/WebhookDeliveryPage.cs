namespace SalesOps.Routing.Host.Webhooks;

/// <summary>Deliveries newest first; <c>NextBefore</c> is the <c>before</c> value that fetches the next page, null on the last.</summary>
internal sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryView> Items, long? NextBefore);
