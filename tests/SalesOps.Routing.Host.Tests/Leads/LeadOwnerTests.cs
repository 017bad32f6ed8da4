using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Sla;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Leads;

public sealed class LeadOwnerTests() : SweptHostTests(nameof(LeadOwnerTests))
{
    [Fact]
    public async Task Get_AfterAnSlaBreachAndAnOpsReassignment_ShowsTheOwnerNow_TheDecisionsChoice_AndEachMove()
    {
        var decision = await Client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await Host.SweepAsync(); // dach-1 let the clock run out
        var afterBreach = await GetAsync(decision.Id);
        Clock.SetUtcNow(Utc("2026-03-02T09:20:00Z"));
        (await Client.PostAsync("/api/reps/dach-2/reassign-open-leads", null)).EnsureSuccessStatusCode();
        var afterOps = await GetAsync(decision.Id);

        Assert.Equal("dach-1", decision.RepId);
        Assert.Equal(("dach-2", "EMEA-DACH", "assigned"), (afterBreach.RepId, afterBreach.Team, afterBreach.Status));
        Assert.NotEqual(decision.RepName, afterBreach.RepName);
        Assert.Equal(new LeadView.DecidedOwner("assigned", "EMEA-DACH", "dach-1", decision.RepName), afterOps.Decided);
        Assert.Equal(decision.Trace, afterOps.Trace);

        Assert.NotEqual("dach-2", afterOps.RepId);
        Assert.Equal(["dach-1", "dach-2", afterOps.RepId], afterOps.Assignments.Select(a => a.RepId));
        Assert.Equal([Utc("2026-03-02T09:15:00Z"), Utc("2026-03-02T09:20:00Z"), null], afterOps.Assignments.Select(a => a.EndedAt));
        Assert.Equal(["sla-breach", "reassign"], afterOps.Assignments.Skip(1).Select(a => a.Reason));
        Assert.Null(afterOps.Assignments[0].Trace);
        Assert.Contains("first-touch clock ran out", afterOps.Assignments[1].Trace![0].Effect, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterATouch_ShowsTheLeadWorking_WithTheSameOwner()
    {
        var decision = await Client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        (await Client.TouchAsync(decision.Id, decision.RepId!)).EnsureSuccessStatusCode();

        var lead = await GetAsync(decision.Id);

        Assert.Equal(("working", decision.RepId, decision.RepName), (lead.Status, lead.RepId, lead.RepName));
        Assert.Equal("assigned", lead.Decided.Status);
        Assert.Single(lead.Assignments);
    }

    [Fact]
    public async Task Get_WhileOpsKeepMovingTheLead_ShowsEachTimeAnOwnerAndAssignmentsThatAgree()
    {
        const int moves = 100;
        var decision = await Client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        var moving = Task.Run(async () =>
        {
            var owner = decision.RepId!;
            for (var i = 0; i < moves; i++)
            {
                (await Client.PostAsync($"/api/reps/{owner}/reassign-open-leads", null)).EnsureSuccessStatusCode();
                owner = (await GetAsync(decision.Id)).RepId!;
            }
        });

        // Several readers at once, so that reads keep landing inside the moves' commits.
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var seen = new List<LeadView>();
            while (!moving.IsCompleted)
                seen.Add(await GetAsync(decision.Id));
            return seen;
        }));
        var reads = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();
        await moving;

        // Read apart, the owner and the assignments could straddle a move: the lead already with the
        // new rep while its assignments still end with the old one, or the other way round.
        Assert.True(reads.Count > moves, $"only {reads.Count} reads overlapped the moves");
        Assert.All(reads, read =>
        {
            Assert.Equal(read.RepId, read.Assignments[^1].RepId);
            Assert.Single(read.Assignments, a => a.EndedAt is null);
        });
        Assert.Equal(moves + 1, (await GetAsync(decision.Id)).Assignments.Count);
    }

    private async Task<LeadView> GetAsync(string id) => (await Client.GetFromJsonAsync<LeadView>($"/api/leads/{id}"))!;
}
