using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookTwoDispatcherTests
{
    private const int Leads = 20;

    [Fact]
    public async Task TwoHostsOnOneDatabase_FanOutEachEventOnce_AndNeverSendADeliveryTwice()
    {
        var database = TestDatabase.NewSqliteFile(nameof(WebhookTwoDispatcherTests));
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        receiver.Respond = request => request.Attempt == 1 ? 503 : 200;
        var url = receiver.UrlFor("/crm");
        await using var first = WebhookTestHost.Create(nameof(WebhookTwoDispatcherTests), clock, url, ["lead.assigned"], database: database);
        await using var second = WebhookTestHost.Create(nameof(WebhookTwoDispatcherTests), clock, url, ["lead.assigned"], database: database);
        var clients = new[] { first.Start(), second.Start() };

        await using (ClockPump.Start(clock))
        {
            await Task.WhenAll(Enumerable.Range(0, Leads).Select(i => clients[i % 2].PostLeadForDecisionAsync(LeadPayloads.QualifiedDach())));
            await Eventually.WaitForAsync(() => first.QueryScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'delivered'"),
                delivered => delivered == Leads, "every delivery");
        }

        var byId = receiver.Received.GroupBy(r => r.Id).ToList();
        Assert.Equal(Leads, byId.Count);
        // One refused attempt and one accepted each: a second sender would show as a third request.
        Assert.All(byId, attempts => Assert.Equal([1, 2], attempts.Select(a => a.Attempt).Order()));
        Assert.Equal(Leads, await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries"));
        Assert.Equal(Leads, await first.QueryScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries WHERE attempts = 2"));
        var sentBy = new[] { await AttemptsAsync(clients[0]), await AttemptsAsync(clients[1]) };
        Assert.Equal(2 * Leads, sentBy.Sum());
        Assert.All(sentBy, sent => Assert.True(sent > 0, $"one host sent nothing ({sentBy[0]} and {sentBy[1]}): the test shows no contention"));
    }

    private static async Task<double> AttemptsAsync(HttpClient client) =>
        (await client.GetStringAsync("/metrics")).Split('\n')
            .Where(line => line.StartsWith("salesops_routing_webhook_attempts_total{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
