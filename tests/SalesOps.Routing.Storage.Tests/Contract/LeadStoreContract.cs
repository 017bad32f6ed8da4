using System.Data.Common;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>
/// What every storage provider must guarantee, written once and run against each provider by a
/// subclass that supplies the database. Each test gets a database of its own.
/// </summary>
public abstract partial class LeadStoreContract : IAsyncLifetime
{
    private const string DachTeam = "EMEA-DACH";

    // A Tuesday, 10:00 in Berlin: inside the DACH team's working hours. The odd ticks make any
    // rounding of stored timestamps visible.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly List<StoreHost> _hosts = [];
    private ContractDatabase? _database;

    protected FakeTimeProvider Clock { get; } = new(Start);

    public Task InitializeAsync()
    {
        _database = CreateDatabase();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    protected abstract ContractDatabase CreateDatabase();

    [SkippableFact]
    public async Task Commit_SameLeadFromEightRacingHosts_StoresItOnceAndAllAgreeOnItsId()
    {
        var hosts = await StartHostsAsync(8);
        var lead = PendingLeads.Dach();

        var outcomes = await RaceAsync(hosts, host => host.Store.CommitAsync([PendingLeads.For(lead, Clock.GetUtcNow())], CancellationToken.None));

        var results = outcomes.Select(o => Assert.Single(o)).ToList();
        var created = Assert.Single(results, r => r.Created).Record!;
        Assert.All(results, r => Assert.Equal(created.Id, r.Record?.Id ?? r.ExistingId));
        var key = new { lead.Source, lead.ExternalId, created.Id };
        Assert.Equal(1, await hosts[0].CountAsync("SELECT COUNT(*) FROM leads WHERE source = @Source AND external_id = @ExternalId", key));
        Assert.Equal(1, await hosts[0].CountAsync("SELECT COUNT(*) FROM decisions WHERE lead_id = @Id", key));
        Assert.Equal(1, await hosts[0].CountAsync("SELECT COUNT(*) FROM assignments WHERE lead_id = @Id", key));
    }

    [SkippableFact]
    public async Task Commit_FourHostsWritingAtOnce_TakeRoundRobinTurnsInOrder()
    {
        const int batchesPerHost = 5, leadsPerBatch = 3;
        var hosts = await StartHostsAsync(4);

        await RaceAsync(hosts, async host =>
        {
            for (var i = 0; i < batchesPerHost; i++)
            {
                var batch = Enumerable.Range(0, leadsPerBatch).Select(_ => PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())).ToList();
                await host.Store.CommitAsync(batch, CancellationToken.None);
            }

            return 0;
        });

        var reps = await hosts[0].QueryAsync<string>("SELECT rep_id FROM assignments WHERE team_id = @Team ORDER BY id", new { Team = DachTeam });
        var total = hosts.Count * batchesPerHost * leadsPerBatch;
        Assert.Equal(total, reps.Count);
        Assert.All(reps.Zip(reps.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(reps.CountBy(r => r), count => Assert.Equal(total / PendingLeads.DachReps.Count, count.Value));
        Assert.Equal(Enumerable.Range(0, total).Select(i => PendingLeads.DachReps[i % PendingLeads.DachReps.Count]), reps);
        Assert.Equal(reps[^1], Assert.Single(await hosts[0].QueryAsync<string>("SELECT last_rep_id FROM rotation WHERE team_id = @Team", new { Team = DachTeam })));
    }

    [SkippableFact]
    public async Task Commit_BatchThatFailsMidway_LeavesNoRowOfIt()
    {
        var host = await StartHostAsync();
        var first = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());
        var second = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());
        var clash = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow(), leadId: first.LeadId);

        await Assert.ThrowsAnyAsync<DbException>(() => host.Store.CommitAsync([first, second, clash], CancellationToken.None));

        var ids = new { Ids = new[] { first.LeadId, second.LeadId } };
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM leads WHERE id IN @Ids", ids));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM decisions WHERE lead_id IN @Ids", ids));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM assignments WHERE lead_id IN @Ids", ids));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM rotation"));

        var retried = await host.Store.CommitAsync([first, second], CancellationToken.None);
        Assert.Equal(PendingLeads.DachReps.Take(2), retried.Select(o => o.Record!.Decision.RepId));
    }

    [SkippableFact]
    public async Task GetAndFind_ReturnWhatWasCommitted_ExactToTheTickInUtc()
    {
        var host = await StartHostAsync();
        var receivedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(7_654_321);
        var pending = PendingLeads.For(PendingLeads.Dach() with { Company = "Müller & Söhne Gruß AG 東京", LastName = "Ñúñez" }, receivedAt);

        var committed = Assert.Single(await host.Store.CommitAsync([pending], CancellationToken.None)).Record!;
        var byId = await host.Store.GetAsync(pending.LeadId, CancellationToken.None);
        var byKey = await host.Store.FindAsync(pending.Input.Source, pending.Input.ExternalId, CancellationToken.None);

        foreach (var read in new[] { byId, byKey })
        {
            Assert.NotNull(read);
            AssertSameRecord(committed, read);
            Assert.Equal(TimeSpan.Zero, read.ReceivedAt.Offset);
            Assert.Equal(receivedAt.UtcTicks, read.ReceivedAt.UtcTicks);
        }

        var decidedAt = Assert.Single(await host.QueryAsync<DateTimeOffset>("SELECT decided_at FROM decisions WHERE lead_id = @Id", new { Id = pending.LeadId }));
        Assert.Equal(Start.UtcTicks, decidedAt.UtcTicks);
        Assert.Equal(pending.Payload, Assert.Single(await host.QueryAsync<string>("SELECT payload FROM leads WHERE id = @Id", new { Id = pending.LeadId })));
    }

    private static void AssertSameRecord(LeadRecord expected, LeadRecord actual)
    {
        Assert.Equal(expected with { Decision = actual.Decision }, actual);
        Assert.Equal(expected.Decision with { Trace = actual.Decision.Trace }, actual.Decision);
        Assert.Equal(expected.Decision.Trace, actual.Decision.Trace);
    }

    private async Task<StoreHost> StartHostAsync()
    {
        Skip.If(_database!.SkipReason is not null, _database.SkipReason);
        var host = await StoreHost.StartAsync(_database.Settings, Clock);
        _hosts.Add(host);
        return host;
    }

    private async Task<IReadOnlyList<StoreHost>> StartHostsAsync(int count)
    {
        var hosts = new List<StoreHost>(count);
        for (var i = 0; i < count; i++)
            hosts.Add(await StartHostAsync());
        return hosts;
    }

    /// <summary>Runs the work on every host at once, released together so that they really race.</summary>
    private static async Task<T[]> RaceAsync<T>(IReadOnlyList<StoreHost> hosts, Func<StoreHost, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = hosts.Select(host => Task.Run(async () =>
        {
            await start.Task;
            return await work(host);
        })).ToList();
        start.SetResult();
        return await Task.WhenAll(runs);
    }
}
