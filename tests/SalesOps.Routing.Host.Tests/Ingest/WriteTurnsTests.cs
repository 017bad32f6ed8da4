using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Sla;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Ingest;

/// <summary>
/// The lead writer and the SLA sweep take turns at the write lock, in the order they ask, so posts
/// wait at most for the sweep batch that holds it instead of polling SQLite's lock through a storm.
/// </summary>
public sealed class WriteTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Turns_AreHandedOver_InTheOrderTheyWereAskedFor()
    {
        var turns = new WriteTurns();
        var first = await turns.TakeAsync(CancellationToken.None);
        var second = turns.TakeAsync(CancellationToken.None);
        var third = turns.TakeAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        var secondTurn = await second.WaitAsync(Patience);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);
        secondTurn.Dispose();
        (await third.WaitAsync(Patience)).Dispose();

        // Taken again after all three were given back: nothing was lost or handed out twice.
        var again = turns.TakeAsync(CancellationToken.None);
        Assert.True(again.IsCompleted);
        (await again).Dispose();
    }

    [Fact]
    public async Task APost_WaitsForTheTurnHeldElsewhere_ThenIsStored()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(WriteTurnsTests)));
        var client = host.Start();
        var turns = host.Services.GetRequiredService<WriteTurns>();
        var lead = LeadPayloads.QualifiedDach();

        Task<HttpResponseMessage> post;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            post = client.PostLeadAsync(lead);
            await Task.Delay(300);
            Assert.False(post.IsCompleted);
            Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE external_id = @Id", new { Id = lead["externalId"]!.GetValue<string>() }));
        }

        Assert.Equal(HttpStatusCode.Created, (await post.WaitAsync(Patience)).StatusCode);
    }

    [Fact]
    public async Task ASweep_WaitsForTheTurnHeldElsewhere_ThenRecordsTheBreach()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(WriteTurnsTests)), clock);
        var client = host.Start();
        var leadId = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        var turns = host.Services.GetRequiredService<WriteTurns>();

        Task sweep;
        using (await turns.TakeAsync(CancellationToken.None))
        {
            sweep = host.SweepAsync();
            await Task.Delay(300);
            Assert.False(sweep.IsCompleted);
            Assert.Equal("running", Assert.Single(await client.TimersAsync(leadId)).State);
        }

        await sweep.WaitAsync(Patience);
        Assert.NotEqual("running", (await client.TimersAsync(leadId))[0].State);
    }
}
