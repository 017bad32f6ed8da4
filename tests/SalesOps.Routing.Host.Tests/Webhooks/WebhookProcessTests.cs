using System.Diagnostics;
using System.Globalization;
using SalesOps.Routing.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>The service as its own process, on the real clock with the default poll interval, as it runs in production.</summary>
[Collection(HeavyTests.Name)]
public sealed class WebhookProcessTests(ITestOutputHelper output)
{
    private const int Leads = 20;

    [Fact]
    public async Task RealClock_EachAssignmentReachesTheReceiverOnce_WellWithinAPollInterval()
    {
        await using var receiver = await WebhookReceiver.StartAsync(TimeProvider.System);
        await using var host = await RoutingProcess.StartAsync(TestDatabase.NewSqliteFile(nameof(WebhookProcessTests)),
            "--Webhooks:Subscriptions:0:Name=crm",
            $"--Webhooks:Subscriptions:0:Url={receiver.UrlFor("/crm")}",
            $"--Webhooks:Subscriptions:0:Secret={WebhookTestHost.Secret}",
            "--Webhooks:Subscriptions:0:Events:0=lead.assigned");
        using var client = host.CreateClient();

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Leads; i++)
        {
            var decision = await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
            var acknowledged = Stopwatch.StartNew();
            await Eventually.WaitForAsync(() => Task.FromResult(receiver.Received.Any(r => r.Json.GetProperty("leadId").GetString() == decision.Id)),
                arrived => arrived, $"the event of lead {decision.Id}");
            latencies.Add(acknowledged.Elapsed);
        }

        Assert.Equal(Leads, receiver.Received.Count);
        Assert.Equal(Leads, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.All(receiver.Received, r => Assert.True(r.IsSignedWith(WebhookTestHost.Secret)));
        var sorted = latencies.Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"from 201 to receipt, {Leads} leads one at a time, poll 1 s: median {sorted[Leads / 2].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms"));
        // The commit wakes the dispatcher: without that, each lead here would wait out the 1 s poll.
        Assert.True(sorted[Leads / 2] < TimeSpan.FromMilliseconds(750), $"median {sorted[Leads / 2]}");
    }
}
