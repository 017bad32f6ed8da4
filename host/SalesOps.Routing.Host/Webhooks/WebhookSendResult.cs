namespace SalesOps.Routing.Host.Webhooks;

/// <summary>How one round of attempts ended: how many HTTP attempts it made, the last status, and why it did not deliver.</summary>
internal sealed record WebhookSendResult(bool Delivered, int Tries, int? StatusCode, string? Error);
