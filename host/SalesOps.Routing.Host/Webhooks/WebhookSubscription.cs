namespace SalesOps.Routing.Host.Webhooks;

/// <summary>A validated receiver: where it is, the key events to it are signed with, and what it wants.</summary>
internal sealed class WebhookSubscription(string name, Uri url, byte[] key, IReadOnlyList<string> events, string format)
{
    public string Name { get; } = name;

    /// <summary>Holds credentials for some receivers (a Slack hook's path is its secret): never logged, never shown.</summary>
    public Uri Url { get; } = url;

    public ReadOnlyMemory<byte> Key { get; } = key;

    public string Format { get; } = format;

    public bool Wants(string eventType) => events.Any(pattern => Matches(pattern, eventType));

    /// <summary><c>*</c> is every type, <c>sla.*</c> every type of that family, anything else one type.</summary>
    public static bool Matches(string pattern, string eventType) =>
        pattern == "*"
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && eventType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase))
        || string.Equals(pattern, eventType, StringComparison.OrdinalIgnoreCase);
}
