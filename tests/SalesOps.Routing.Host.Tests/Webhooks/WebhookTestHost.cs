using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>
/// The real host with one webhook subscription to a <see cref="WebhookReceiver"/>, on a fake clock
/// and with short waits (in the host's time): poll 0.2 s, retries after about 0.2 s and 0.4 s, two
/// rounds 2 s apart, failed after 6 attempts. A <see cref="ClockPump"/> lets that time pass.
/// </summary>
internal static class WebhookTestHost
{
    /// <summary>The Standard Webhooks test secret: known to every verifier library, fine for a test.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static RoutingHost Create(string owner, FakeTimeProvider clock, Uri url, string[] events, string format = "json",
        IReadOnlyDictionary<string, string?>? settings = null, Serilog.Core.ILogEventSink? logSink = null, string? database = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Webhooks:PollInterval"] = "00:00:00.200",
            ["Webhooks:Retries"] = "2",
            ["Webhooks:RetryDelay"] = "00:00:00.200",
            ["Webhooks:AttemptTimeout"] = "00:01:00",
            ["Webhooks:Backoff"] = "00:00:02",
            ["Webhooks:MaxBackoff"] = "00:00:10",
            ["Webhooks:MaxAttempts"] = "6",
            ["Webhooks:Lease"] = "00:10:00",
            ["Webhooks:Subscriptions:0:Name"] = "crm",
            ["Webhooks:Subscriptions:0:Url"] = url.ToString(),
            ["Webhooks:Subscriptions:0:Secret"] = Secret,
            ["Webhooks:Subscriptions:0:Format"] = format,
        };
        for (var i = 0; i < events.Length; i++)
            all[$"Webhooks:Subscriptions:0:Events:{i}"] = events[i];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new RoutingHost(database ?? TestDatabase.NewSqliteFile(owner), clock: clock, settings: all, logSink: logSink);
    }

    public static async Task<WebhookPageView> DeliveriesAsync(this HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<WebhookPageView>($"/api/webhooks/deliveries{query}"))!;

    /// <summary>Waits (while the clock is pumped) until the deliveries satisfy <paramref name="done"/>.</summary>
    public static Task<WebhookPageView> WaitForDeliveriesAsync(this HttpClient client, Func<IReadOnlyList<WebhookDeliveryView>, bool> done, string what) =>
        Eventually.WaitForAsync(() => client.DeliveriesAsync(), page => done(page.Items), what);
}
