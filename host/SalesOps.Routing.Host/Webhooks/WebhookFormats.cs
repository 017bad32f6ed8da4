namespace SalesOps.Routing.Host.Webhooks;

internal static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";

    public static IReadOnlyList<string> All { get; } = [Json, Slack];
}
