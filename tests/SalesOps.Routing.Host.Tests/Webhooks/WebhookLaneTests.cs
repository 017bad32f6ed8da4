using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookLaneTests
{
    [Fact]
    public async Task ReceiverThatNeverAnswers_TimesOutPerAttempt_AndDoesNotHoldUpAnotherSubscription()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        receiver.Respond = request => request.Path == "/hang" ? WebhookReceiver.NoAnswer : 200;
        await using var host = WebhookTestHost.Create(nameof(WebhookLaneTests), clock, receiver.UrlFor("/hang"), ["lead.assigned"],
            settings: new Dictionary<string, string?>
            {
                ["Webhooks:AttemptTimeout"] = "00:00:02",
                ["Webhooks:Subscriptions:1:Name"] = "chat",
                ["Webhooks:Subscriptions:1:Url"] = receiver.UrlFor("/chat").ToString(),
                ["Webhooks:Subscriptions:1:Secret"] = WebhookTestHost.Secret,
                ["Webhooks:Subscriptions:1:Events:0"] = "lead.assigned",
            });
        var client = host.Start();
        const int Leads = 6;

        for (var i = 0; i < Leads; i++)
            await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        // The clock stands still: the hanging receiver's first attempt cannot time out, yet chat gets every event.
        var chat = (await client.WaitForDeliveriesAsync(d => d.Count(x => x is { Subscription: "chat", State: "delivered" }) == Leads, "the chat deliveries"))
            .Items.Where(d => d.Subscription == "chat").ToList();
        var waiting = (await client.DeliveriesAsync("?subscription=crm")).Items;
        Assert.Equal(Leads, waiting.Count);
        Assert.All(waiting, d => Assert.Equal(("pending", 0), (d.State, d.Attempts)));

        await using (ClockPump.Start(clock))
            await client.WaitForDeliveriesAsync(d => d.Count(x => x is { Subscription: "crm", State: "failed" }) == Leads, "the timeouts to fail");

        Assert.All(chat, d => Assert.Equal(1, d.Attempts));
        var failed = (await client.DeliveriesAsync("?subscription=crm&state=failed")).Items;
        Assert.All(failed, d => Assert.Equal((6, null, "no response within 00:00:02"), (d.Attempts, d.LastStatusCode, d.LastError)));
    }
}
