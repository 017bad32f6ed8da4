using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>Rep state and accounts: written by upserts, read back as written, on every provider.</summary>
public abstract partial class LeadStoreContract
{
    [SkippableFact]
    public async Task RepState_ChangedTwice_ReadsBackAsLastWritten()
    {
        var host = await StartHostAsync();
        var from = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(1)).AddTicks(3);

        await host.Ops.ChangeRepAsync("dach-2", PendingLeads.Rules, rep => (rep.MaxOpenLeads, rep.Weight) = (5, 3), CancellationToken.None);
        await host.Ops.ChangeRepAsync("dach-2", PendingLeads.Rules, rep => (rep.Active, rep.OutOfOfficeFrom) = (false, from), CancellationToken.None);

        var rep = (await host.Ops.ReadStateAsync(CancellationToken.None)).Rep("dach-2");
        Assert.Equal(false, rep.Active);
        Assert.Equal(5, rep.MaxOpenLeads);
        Assert.Equal(3, rep.Weight);
        Assert.Null(rep.MaxLeadsPerDay);
        Assert.Equal(from.UtcTicks, rep.OutOfOfficeFrom?.UtcTicks);
        Assert.Null(rep.OutOfOfficeTo);
    }

    [SkippableFact]
    public async Task Commit_AssignedLead_CountsTowardsTheRepsDayAndOpenLeads()
    {
        var host = await StartHostAsync();

        await host.Store.CommitAsync([PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())], CancellationToken.None);

        var rep = (await host.Ops.ReadStateAsync(CancellationToken.None)).Rep(PendingLeads.DachReps[0]);
        Assert.Equal(1, rep.OpenLeads);
        Assert.Equal(1, rep.AssignedToday);
        Assert.Equal(new DateOnly(2026, 11, 24), rep.AssignedDay);
    }

    [SkippableFact]
    public async Task Commit_BatchAcrossTwoTeams_StoresEveryRepAndEveryRotationItChanged()
    {
        var host = await StartHostAsync();
        var ukReps = PendingLeads.Rules.Teams["EMEA-UKI"].Reps.Select(r => r.Id).ToList();
        var batch = PendingLeads.DachReps.Select(_ => PendingLeads.Dach())
            .Concat(ukReps.Select(_ => PendingLeads.Dach() with { Country = "GB" }))
            .Select(input => PendingLeads.For(input, Clock.GetUtcNow()))
            .ToList();

        var outcomes = await host.Store.CommitAsync(batch, CancellationToken.None);

        // Round robin gives each rep of both teams one lead of the batch, and all of it is stored.
        Assert.Equal([.. PendingLeads.DachReps, .. ukReps], outcomes.Select(o => o.Record!.Decision.RepId));
        var state = await host.Ops.ReadStateAsync(CancellationToken.None);
        Assert.All([.. PendingLeads.DachReps, .. ukReps], rep => Assert.Equal((1, 1), (state.Rep(rep).OpenLeads, state.Rep(rep).AssignedToday)));
        Assert.Equal((PendingLeads.DachReps[^1], ukReps[^1]), (state.LastRepOf("EMEA-DACH"), state.LastRepOf("EMEA-UKI")));
    }

    [SkippableFact]
    public async Task Rehearse_DecidesAndWritesTheBatch_ThenLeavesNoRowAndNoRepStateBehind()
    {
        var host = await StartHostAsync();
        var lead = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());

        await host.Store.RehearseAsync([lead, PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())], CancellationToken.None);

        foreach (var table in new[] { "leads", "decisions", "assignments", "sla_timers", "outbox_events", "rotation" })
            Assert.Equal(0, await host.CountAsync($"SELECT COUNT(*) FROM {table}"));
        var rep = (await host.Ops.ReadStateAsync(CancellationToken.None)).Rep(PendingLeads.DachReps[0]);
        Assert.Equal((0, 0), (rep.OpenLeads, rep.AssignedToday));
        // The same lead committed afterwards is new, and takes the first turn as if nothing had happened.
        var outcome = Assert.Single(await host.Store.CommitAsync([lead], CancellationToken.None));
        Assert.True(outcome.Created);
        Assert.Equal(PendingLeads.DachReps[0], outcome.Record!.Decision.RepId);
    }

    [SkippableFact]
    public async Task Accounts_UpsertedTwice_KeepOneRowPerKeyWithTheLatestOwner()
    {
        var host = await StartHostAsync();

        await host.Ops.UpsertAccountsAsync([new AccountEntry("hooli.example", "Hooli, Inc.", "dach-1")], "api", CancellationToken.None);
        await host.Ops.UpsertAccountsAsync([new AccountEntry("hooli.example", "Hooli, Inc.", "dach-3")], "file", CancellationToken.None);

        var accounts = await host.Ops.ListAccountsAsync(CancellationToken.None);
        Assert.Equal(["company:hooli", "domain:hooli.example"], accounts.Select(a => a.MatchKey).Order(StringComparer.Ordinal));
        Assert.All(accounts, a => Assert.Equal(("dach-3", "file", "Hooli, Inc."), (a.OwnerRepId, a.Origin, a.Name)));
    }
}
