using Dapper;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>Status changes and touches committed in the writer's group commit, with the leads, on every provider.</summary>
public abstract partial class LeadStoreContract
{
    [SkippableFact]
    public async Task Commit_StatusChangeInTheBatch_RunsBeforeItsLeadsAndFreesCapacityForThem()
    {
        var host = await StartHostAsync();
        foreach (var rep in PendingLeads.DachReps)
            await host.Ops.ChangeRepAsync(rep, PendingLeads.Rules, state => state.MaxOpenLeads = 1, CancellationToken.None);
        var first = await CommitOneAsync(host);
        for (var i = 1; i < PendingLeads.DachReps.Count; i++)
            await CommitOneAsync(host);
        var waiting = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());
        var touch = StatusChange(host, first.Id, "working");

        var outcome = Assert.Single(await host.Store.CommitAsync([waiting], [touch], CancellationToken.None));
        touch.Complete();

        Assert.Equal(new LeadStatusChange("assigned", "working", Applied: true), await touch.Completion);
        Assert.Equal(first.Decision.RepId, outcome.Record!.Decision.RepId);
        Assert.Equal("working", await StatusOfAsync(host, first.Id));
        Assert.Equal(1, (await host.Ops.ReadStateAsync(CancellationToken.None)).Rep(first.Decision.RepId!).OpenLeads);
    }

    [SkippableFact]
    public async Task Commit_RefusedChange_WritesNothingOfItWhileTheBatchsLeadsCommit()
    {
        var host = await StartHostAsync();
        var stored = await CommitOneAsync(host);
        var refused = new QueuedChange<string>(async (scope, token) =>
        {
            await scope.Connection.ExecuteAsync(new CommandDefinition("UPDATE leads SET status = 'converted' WHERE id = @Id",
                new { stored.Id }, scope.Transaction, cancellationToken: token));
            return ChangeResult<string>.Undone("refused after writing");
        });
        var notAllowed = StatusChange(host, stored.Id, "assigned");
        var lead = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());

        await host.Store.CommitAsync([lead], [refused, notAllowed], CancellationToken.None);
        refused.Complete();
        notAllowed.Complete();

        Assert.Equal("refused after writing", await refused.Completion);
        Assert.Equal(new LeadStatusChange("assigned", "assigned", Applied: false), await notAllowed.Completion);
        Assert.Equal("assigned", await StatusOfAsync(host, stored.Id));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM leads WHERE id = @Id", new { Id = lead.LeadId }));
    }

    [SkippableFact]
    public async Task Commit_ChangeThatThrows_FailsTheWholeBatch()
    {
        var host = await StartHostAsync();
        var stored = await CommitOneAsync(host);
        var working = StatusChange(host, stored.Id, "working");
        var broken = new QueuedChange<int>((_, _) => throw new InvalidOperationException("broken change"));
        var lead = PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow());

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.CommitAsync([lead], [working, broken], CancellationToken.None));

        Assert.Equal("assigned", await StatusOfAsync(host, stored.Id));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM leads WHERE id = @Id", new { Id = lead.LeadId }));
    }

    [SkippableFact]
    public async Task Commit_ChangesOnly_CommitWithoutLeads()
    {
        var host = await StartHostAsync();
        var stored = await CommitOneAsync(host);
        var converted = StatusChange(host, stored.Id, "converted");
        var unknown = StatusChange(host, "no-such-lead", "working");

        Assert.Empty(await host.Store.CommitAsync([], [converted, unknown], CancellationToken.None));
        converted.Complete();
        unknown.Complete();

        Assert.Equal(new LeadStatusChange("assigned", "converted", Applied: true), await converted.Completion);
        Assert.Null(await unknown.Completion);
        Assert.Equal("converted", await StatusOfAsync(host, stored.Id));
        Assert.Equal(0, (await host.Ops.ReadStateAsync(CancellationToken.None)).Rep(stored.Decision.RepId!).OpenLeads);
    }

    private static QueuedChange<LeadStatusChange?> StatusChange(StoreHost host, string leadId, string status) =>
        new((scope, token) => host.Ops.ChangeStatusAsync(scope, leadId, status, token));

    private async Task<LeadRecord> CommitOneAsync(StoreHost host) =>
        Assert.Single(await host.Store.CommitAsync([PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())], CancellationToken.None)).Record!;

    private static async Task<string> StatusOfAsync(StoreHost host, string leadId) =>
        Assert.Single(await host.QueryAsync<string>("SELECT status FROM leads WHERE id = @Id", new { Id = leadId }));
}
