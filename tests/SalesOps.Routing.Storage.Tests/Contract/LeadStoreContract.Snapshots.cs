using Dapper;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>Snapshot reads: the several reads behind one answer see one state of the database, and readers never queue behind writers.</summary>
public abstract partial class LeadStoreContract
{
    private const string RepOfLead = "SELECT rep_id FROM leads WHERE id = @Id";

    [SkippableFact]
    public async Task Snapshot_ChangeCommittedAfterItsFirstRead_IsNotSeenByItsLaterReads()
    {
        var host = await StartHostAsync();
        var lead = Assert.Single(await host.Store.CommitAsync([PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())], CancellationToken.None)).Record!;
        var key = new { lead.Id };
        var before = lead.Decision.RepId;
        Assert.NotNull(before);

        await using var connection = await host.Connections.OpenAsync(CancellationToken.None);
        await using var snapshot = await host.Connections.BeginSnapshotAsync(connection, CancellationToken.None);
        var firstRead = await connection.QuerySingleAsync<string>(RepOfLead, key, snapshot);
        await using (var writer = await host.Connections.OpenAsync(CancellationToken.None))
            await writer.ExecuteAsync("UPDATE leads SET rep_id = 'someone-else' WHERE id = @Id", key);
        var laterRead = await connection.QuerySingleAsync<string>(RepOfLead, key, snapshot);
        await snapshot.RollbackAsync();

        Assert.Equal(before, firstRead);
        Assert.Equal(before, laterRead);
        Assert.Equal("someone-else", await connection.QuerySingleAsync<string>(RepOfLead, key));
    }

    [SkippableFact]
    public async Task ReadState_WhileAWriterHoldsItsTransaction_DoesNotWaitForIt_AndSeesWhatWasCommitted()
    {
        var host = await StartHostAsync();
        var lead = Assert.Single(await host.Store.CommitAsync([PendingLeads.For(PendingLeads.Dach(), Clock.GetUtcNow())], CancellationToken.None)).Record!;

        await using var writer = await host.Connections.OpenAsync(CancellationToken.None);
        await using var writing = await writer.BeginTransactionAsync();
        await writer.ExecuteAsync("UPDATE rotation SET last_rep_id = 'not-yet-committed'", transaction: writing);
        // A dashboard refresh that queued behind the writer would take the store's busy timeout (seconds) or fail.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var state = await host.Ops.ReadStateAsync(bound.Token).WaitAsync(bound.Token);
        await writing.RollbackAsync();

        Assert.Equal(lead.Decision.RepId, state.LastRepOf(lead.Decision.TeamId!));
    }
}
