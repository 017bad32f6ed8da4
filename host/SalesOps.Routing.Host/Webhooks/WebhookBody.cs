using System.Text;
using System.Text.Json;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>The bytes sent for an event, as the subscription's format says; the signature is over exactly these.</summary>
internal static class WebhookBody
{
    public static byte[] For(string format, string eventType, string payload) =>
        format == WebhookFormats.Slack
            ? JsonSerializer.SerializeToUtf8Bytes(new { text = WebhookSlackText.For(eventType, payload) })
            : Encoding.UTF8.GetBytes(payload);
}
