namespace SalesOps.Routing.Host.Webhooks;

internal static class WebhookDeliveryStates
{
    /// <summary>Waiting for its next attempt (or being sent by the host that claimed it).</summary>
    public const string Pending = "pending";

    /// <summary>A receiver answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Out of attempts; waits for an operator's retry.</summary>
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Failed];
}
