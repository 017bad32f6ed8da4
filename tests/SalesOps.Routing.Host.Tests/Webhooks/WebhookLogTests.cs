using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookLogTests
{
    [Fact]
    public async Task FailingDeliveries_AreLoggedBySubscriptionName_NeverWithTheUrlOrTheSecret()
    {
        // A Slack hook's path is its credential, so the path stands in for one here.
        const string SecretPath = "/services/T0000/B0000/hook-credential-7f3a";
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        var log = new CapturedLog();
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        receiver.Respond = _ => 502;
        await using var host = WebhookTestHost.Create(nameof(WebhookLogTests), clock, receiver.UrlFor(SecretPath), ["lead.assigned"], format: "slack",
            settings: new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Debug",
                ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Debug",
                ["Serilog:MinimumLevel:Override:Microsoft.Extensions.Http"] = "Debug",
            },
            logSink: log);
        var client = host.Start();

        await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        await using (ClockPump.Start(clock))
            await client.WaitForDeliveriesAsync(d => d.Any(x => x.State == "failed"), "the failure");

        // The row says failed a moment before the line about it is written.
        var text = await Eventually.WaitForAsync(() => Task.FromResult(log.Text()),
            t => t.Contains("failed after 6 attempts", StringComparison.Ordinal), "the failure's log line");
        Assert.Contains("\"Subscription\":\"crm\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hook-credential-7f3a", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", text, StringComparison.Ordinal);
        Assert.All(receiver.Received, r => Assert.Equal(SecretPath, r.Path));
        Assert.Single(receiver.Received[0].Json.EnumerateObject(), p => p.Name == "text");
    }
}
