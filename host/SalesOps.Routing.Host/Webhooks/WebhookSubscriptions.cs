using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>The configured receivers, read once at start (after validation), asked which of them want an event.</summary>
internal sealed class WebhookSubscriptions(IOptions<WebhookOptions> options)
{
    private readonly IReadOnlyList<WebhookSubscription> _all = [.. options.Value.Subscriptions.Select(s => new WebhookSubscription(
        s.Name.Trim(), new Uri(s.Url.Trim()), WebhookSignature.TryReadSecret(s.Secret.Trim())!, [.. s.Events.Select(e => e.Trim())], s.Format.Trim().ToLowerInvariant()))];

    public IReadOnlyList<WebhookSubscription> All => _all;

    /// <summary>Whether any receiver wants the type; an event nobody wants is not written at all.</summary>
    public bool AnyWants(string eventType) => _all.Any(s => s.Wants(eventType));

    public IEnumerable<WebhookSubscription> For(string eventType) => _all.Where(s => s.Wants(eventType));

    public WebhookSubscription? Find(string name) => _all.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}
