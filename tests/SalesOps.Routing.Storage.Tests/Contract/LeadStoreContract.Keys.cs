namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>Idempotency by source and external id, and what counts as the same key.</summary>
public abstract partial class LeadStoreContract
{
    [SkippableFact]
    public async Task Commit_LeadAlreadyStored_ReturnsItsIdAndStoresNothingNew()
    {
        var host = await StartHostAsync();
        var lead = PendingLeads.Dach();
        var first = Assert.Single(await host.Store.CommitAsync([PendingLeads.For(lead, Clock.GetUtcNow())], CancellationToken.None));

        var retry = Assert.Single(await host.Store.CommitAsync([PendingLeads.For(lead, Clock.GetUtcNow())], CancellationToken.None));

        Assert.False(retry.Created);
        Assert.Equal(first.Record!.Id, retry.ExistingId);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM leads"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM assignments"));
    }

    [SkippableFact]
    public async Task Commit_SameKeyTwiceInOneBatch_DecidesItOnce()
    {
        var host = await StartHostAsync();
        var lead = PendingLeads.Dach();

        var outcomes = await host.Store.CommitAsync([PendingLeads.For(lead, Clock.GetUtcNow()), PendingLeads.For(lead, Clock.GetUtcNow())], CancellationToken.None);

        Assert.True(outcomes[0].Created);
        Assert.False(outcomes[1].Created);
        Assert.Equal(outcomes[0].Record!.Id, outcomes[1].Record!.Id);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM leads"));
    }

    [SkippableFact]
    public async Task Commit_StoredKeysOfSeveralSourcesInOneBatch_EachFindsItsOwnSourcesLead()
    {
        var host = await StartHostAsync();
        var fromHubSpot = PendingLeads.Dach("x-1", "hubspot");
        var fromMarketo = PendingLeads.Dach("x-1", "marketo");
        var stored = await host.Store.CommitAsync([PendingLeads.For(fromHubSpot, Clock.GetUtcNow()), PendingLeads.For(fromMarketo, Clock.GetUtcNow())],
            CancellationToken.None);

        var outcomes = await host.Store.CommitAsync(
            [PendingLeads.For(fromMarketo, Clock.GetUtcNow()), PendingLeads.For(PendingLeads.Dach("x-2", "hubspot"), Clock.GetUtcNow()),
                PendingLeads.For(fromHubSpot, Clock.GetUtcNow())],
            CancellationToken.None);

        Assert.Equal(stored[1].Record!.Id, outcomes[0].ExistingId);
        Assert.True(outcomes[1].Created);
        Assert.Equal(stored[0].Record!.Id, outcomes[2].ExistingId);
        Assert.Equal(3, await host.CountAsync("SELECT COUNT(*) FROM leads"));
    }

    [SkippableFact]
    public async Task Commit_KeysDifferingOnlyInCase_AreTwoLeads()
    {
        var host = await StartHostAsync();

        var outcomes = await host.Store.CommitAsync(
            [PendingLeads.For(PendingLeads.Dach("HS-1", "HubSpot"), Clock.GetUtcNow()), PendingLeads.For(PendingLeads.Dach("hs-1", "hubspot"), Clock.GetUtcNow())],
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Created));
        Assert.Equal("HubSpot", (await host.Store.FindAsync("HubSpot", "HS-1", CancellationToken.None))!.Source);
        Assert.Equal("hubspot", (await host.Store.FindAsync("hubspot", "hs-1", CancellationToken.None))!.Source);
        Assert.Null(await host.Store.FindAsync("HUBSPOT", "HS-1", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Commit_LeadWithAnAddressLongerThanAnyRealOne_IsStoredWithItsPayload()
    {
        var host = await StartHostAsync();
        var pending = PendingLeads.For(PendingLeads.Dach() with { Email = new string('x', 1990) + "@example.de" }, Clock.GetUtcNow());

        var outcome = Assert.Single(await host.Store.CommitAsync([pending], CancellationToken.None));

        Assert.True(outcome.Created);
        Assert.Equal(pending.Payload, Assert.Single(await host.QueryAsync<string>("SELECT payload FROM leads WHERE id = @Id", new { Id = pending.LeadId })));
    }

    [SkippableFact]
    public async Task GetAndFind_UnknownLead_ReturnNull()
    {
        var host = await StartHostAsync();

        Assert.Null(await host.Store.GetAsync(Guid.NewGuid().ToString(), CancellationToken.None));
        Assert.Null(await host.Store.FindAsync("hubspot", "never-posted", CancellationToken.None));
    }
}
