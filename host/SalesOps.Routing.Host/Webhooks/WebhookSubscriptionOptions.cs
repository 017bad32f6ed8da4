namespace SalesOps.Routing.Host.Webhooks;

/// <summary>One receiver as configured under <c>Webhooks:Subscriptions:N</c>.</summary>
internal sealed class WebhookSubscriptionOptions
{
    /// <summary>What logs, metrics and the deliveries endpoint show; the URL never appears there.</summary>
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>The signing key in Standard Webhooks form: <c>whsec_</c> followed by base64 of 24 to 64 random bytes.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event types this receiver gets: exact names, a family such as <c>sla.*</c>, or <c>*</c> for all.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary><c>json</c> (the event as is) or <c>slack</c> (a one-line message for an incoming webhook).</summary>
    public string Format { get; set; } = WebhookFormats.Json;
}
