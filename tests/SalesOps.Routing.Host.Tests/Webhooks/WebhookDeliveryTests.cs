using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Security;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task ReceiverFailingTwiceWith503_GetsTheEventOnTheThirdAttempt_SameIdAndAValidSignatureEachTime()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        receiver.Respond = request => request.Attempt <= 2 ? 503 : 200;
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/crm"), ["lead.assigned"]);
        var client = host.Start();
        var lead = LeadPayloads.QualifiedDach();

        var decision = await client.PostLeadForDecisionAsync(lead);
        await using (ClockPump.Start(clock))
            await client.WaitForDeliveriesAsync(d => d.Any(x => x.State == "delivered"), "the delivery");

        var delivery = Assert.Single((await client.DeliveriesAsync()).Items);
        var eventId = Assert.Single(await host.QueryAsync<string>("SELECT event_id FROM outbox_events WHERE event_type = 'lead.assigned'"));
        Assert.Equal(("lead.assigned", decision.Id, "crm", 3, 200), (delivery.EventType, delivery.LeadId, delivery.Subscription, delivery.Attempts, delivery.LastStatusCode));
        Assert.Equal(eventId, delivery.EventId);
        Assert.Null(delivery.LastError);

        var requests = receiver.Received;
        Assert.Equal([503, 503, 200], requests.Select(r => r.Attempt <= 2 ? 503 : 200));
        Assert.All(requests, r => Assert.Equal(eventId, r.Id));
        Assert.All(requests, r => Assert.True(r.IsSignedWith(WebhookTestHost.Secret), $"bad signature on attempt {r.Attempt}"));
        Assert.All(requests, r => Assert.Equal("lead.assigned", r.EventType));
        Assert.All(requests, r => Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal));
        // Stamped from the host's clock, in whole seconds: the fake clock's, not the machine's.
        Assert.All(requests, r => Assert.InRange(long.Parse(r.Timestamp, System.Globalization.CultureInfo.InvariantCulture),
            r.ArrivedAt.ToUnixTimeSeconds() - 1, r.ArrivedAt.ToUnixTimeSeconds()));
        Assert.True(requests[2].ArrivedAt > requests[0].ArrivedAt, "retries wait on the host's clock");
        Assert.False(requests[0].IsSignedWith("whsec_" + Convert.ToBase64String(new byte[24])), "a wrong secret must not verify");

        var body = requests[2].Json;
        Assert.Equal((eventId, "lead.assigned", decision.Id, "dach-1", "hubspot"),
            (body.GetProperty("eventId").GetString(), body.GetProperty("type").GetString(), body.GetProperty("leadId").GetString(),
             body.GetProperty("repId").GetString(), body.GetProperty("source").GetString()));
        Assert.Equal(lead["externalId"]!.GetValue<string>(), body.GetProperty("externalId").GetString());
        Assert.DoesNotContain(lead["email"]!.GetValue<string>(), requests[2].Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", requests[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiverAlwaysFailing_DeliveryFailsAfterMaxAttempts_IsListed_AndAnOpsRetryDeliversItOnceTheReceiverRecovers()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        receiver.Respond = _ => 500;
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/crm"), ["lead.*"]);
        var client = host.Start();
        var ops = host.ClientWithKey(TestKeys.Ops);
        var viewer = host.ClientWithKey(TestKeys.Viewer);
        await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        WebhookDeliveryView failed;
        await using (ClockPump.Start(clock))
            failed = Assert.Single((await viewer.WaitForDeliveriesAsync(d => d.Any(x => x.State == "failed"), "the failure")).Items);

        Assert.Equal((6, 500), (failed.Attempts, failed.LastStatusCode));
        Assert.Equal("HTTP 500: receiver says no", failed.LastError);
        Assert.Null(failed.NextAttemptAt);
        Assert.Equal(6, receiver.Received.Count);
        // Two rounds of three: the second waits the durable back-off (2 s here), not just the in-round retry delay.
        Assert.True(receiver.Received[3].ArrivedAt - receiver.Received[2].ArrivedAt >= TimeSpan.FromSeconds(2));
        Assert.Equal([failed.Id], (await viewer.DeliveriesAsync("?state=failed&subscription=crm")).Items.Select(d => d.Id));
        Assert.Empty((await viewer.DeliveriesAsync("?state=delivered")).Items);

        var byViewer = await viewer.PostAsync($"/api/webhooks/deliveries/{failed.Id}/retry", null);
        await ProblemAssert.IsProblemAsync(byViewer, HttpStatusCode.Forbidden);
        receiver.Respond = _ => 200;
        var retried = await ops.PostAsync($"/api/webhooks/deliveries/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal("pending", (await retried.Content.ReadFromJsonAsync<WebhookDeliveryView>())!.State);

        WebhookDeliveryView delivered;
        await using (ClockPump.Start(clock))
            delivered = Assert.Single((await viewer.WaitForDeliveriesAsync(d => d.Any(x => x.State == "delivered"), "the retried delivery")).Items);

        Assert.Equal((7, 200), (delivered.Attempts, delivered.LastStatusCode));
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Equal(7, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        await ProblemAssert.IsProblemAsync(await ops.PostAsync($"/api/webhooks/deliveries/{failed.Id}/retry", null), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await ops.PostAsync("/api/webhooks/deliveries/999999/retry", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SlaBreach_IsDeliveredAsSlaBreached_AndALeadEventNobodyWantsIsNeverWritten()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z")); // Mon 10:00 in Berlin
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/slack-like"), ["sla.breached"]);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await host.SweepAsync();
        await using (ClockPump.Start(clock))
            await client.WaitForDeliveriesAsync(d => d.Any(x => x.State == "delivered"), "the breach delivery");

        var request = Assert.Single(receiver.Received);
        Assert.Equal("sla.breached", request.EventType);
        Assert.True(request.IsSignedWith(WebhookTestHost.Secret));
        Assert.Equal((leadId, "dach-1", "first-touch"),
            (request.Json.GetProperty("leadId").GetString(), request.Json.GetProperty("repId").GetString(), request.Json.GetProperty("kind").GetString()));
        var outbox = await host.QueryAsync<string>("SELECT event_type FROM outbox_events ORDER BY seq");
        Assert.Equal(["sla.breached", "sla.reassigned"], outbox);
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE dispatched_at IS NULL"));
    }

    [Fact]
    public async Task DefaultIngest_WithoutSubscriptions_WritesNoOutboxRow()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(WebhookDeliveryTests)));
        var client = host.Start();

        await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        (await client.PostAsync("/api/reps/dach-1/reassign-open-leads", null)).EnsureSuccessStatusCode();

        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE event_type LIKE 'lead.%'"));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task OpsReassignment_IsDeliveredAsLeadReassigned_AfterItsAssignment_EachEventWithItsOwnId()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/crm"), ["lead.assigned", "lead.reassigned"]);
        var client = host.Start();
        var first = await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        var second = await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        var ownerOfFirst = first.RepId!;

        (await client.PostAsync($"/api/reps/{ownerOfFirst}/reassign-open-leads", null)).EnsureSuccessStatusCode();
        await using (ClockPump.Start(clock))
            await client.WaitForDeliveriesAsync(d => d.Count == 3 && d.All(x => x.State == "delivered"), "three deliveries");

        var received = receiver.Received;
        Assert.Equal(3, received.Select(r => r.Id).Distinct().Count());
        Assert.Equal((await host.QueryAsync<string>("SELECT event_id FROM outbox_events WHERE event_type LIKE 'lead.%'")).Order(), received.Select(r => r.Id).Order());
        var moved = Assert.Single(received, r => r.EventType == "lead.reassigned").Json;
        Assert.Equal((first.Id, ownerOfFirst), (moved.GetProperty("leadId").GetString(), moved.GetProperty("fromRepId").GetString()));
        Assert.NotEqual(ownerOfFirst, moved.GetProperty("toRepId").GetString());
        Assert.Equal(new[] { first.Id, second.Id }.Order(),
            received.Where(r => r.EventType == "lead.assigned").Select(r => r.Json.GetProperty("leadId").GetString()).Order());
    }

    [Fact]
    public async Task LeadWhoseCommitFailsAfterItsEventWasWritten_LeavesNeitherLeadNorEvent_AndItsRetryLeavesOneOfEach()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/crm"), ["lead.assigned"]);
        var client = host.Start();
        var lead = LeadPayloads.QualifiedDach();
        var externalId = lead["externalId"]!.GetValue<string>();
        // The rep counters are saved last in the batch's transaction, after the lead and its event.
        await host.QueryAsync<int>("""
            CREATE TRIGGER refuse_rep_state_insert BEFORE INSERT ON rep_state BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            CREATE TRIGGER refuse_rep_state_update BEFORE UPDATE ON rep_state BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
            """);

        var refused = await client.PostLeadAsync(lead);

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE external_id = @externalId", new { externalId }));
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM outbox_events"));

        await host.QueryAsync<int>("DROP TRIGGER refuse_rep_state_insert; DROP TRIGGER refuse_rep_state_update;");
        var stored = await client.PostLeadForDecisionAsync(lead);

        Assert.Equal(1L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM outbox_events WHERE lead_id = @Id", new { stored.Id }));
        Assert.Equal(1L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM outbox_events"));
    }

    [Fact]
    public async Task Deliveries_ViewerAndOpsMayList_IngestMayNot_AndBadQueriesAreProblems()
    {
        var clock = new FakeTimeProvider(RoutingHost.EuropeanMorning);
        await using var receiver = await WebhookReceiver.StartAsync(clock);
        await using var host = WebhookTestHost.Create(nameof(WebhookDeliveryTests), clock, receiver.UrlFor("/crm"), ["*"]);
        host.Start();

        Assert.Equal(HttpStatusCode.OK, (await host.ClientWithKey(TestKeys.Viewer).GetAsync("/api/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientWithKey(TestKeys.Ops).GetAsync("/api/webhooks/deliveries?limit=5")).StatusCode);
        await ProblemAssert.IsProblemAsync(await host.ClientWithKey(TestKeys.Ingest).GetAsync("/api/webhooks/deliveries"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await host.ClientWithKey(null).GetAsync("/api/webhooks/deliveries"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await host.ClientWithKey(TestKeys.Viewer).GetAsync("/api/webhooks/deliveries?state=lost&limit=0"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await host.ClientWithKey(TestKeys.Viewer).GetAsync("/api/webhooks/deliveries/42"), HttpStatusCode.NotFound);
    }
}
