using SalesOps.Routing.Engine.Decisions;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

public sealed class FallbackTests
{
    [Fact]
    public void NoEligibleRep_GoesToTheTeamsFallbackRep_AndTraceSaysWhyEachWasSkipped()
    {
        var state = EmptyState();
        state.Rep("dach-1").Active = false;
        state.Rep("dach-2").OutOfOfficeFrom = EuropeanMorning.AddDays(-1);
        state.Rep("dach-3").OpenLeads = 30;

        var decision = Assign(Dach(), state, EuropeanMorning);

        Assert.Equal(LeadStatus.Assigned, decision.Status);
        Assert.Equal("global-1", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Effect == "skipped rep dach-1: inactive");
        Assert.Contains(decision.Trace, t => t.Effect.StartsWith("skipped rep dach-2: out of office", StringComparison.Ordinal));
        Assert.Contains(decision.Trace, t => t.Effect.StartsWith("skipped rep dach-3: at capacity", StringComparison.Ordinal));
        Assert.Equal("FallbackToRepRule", decision.Trace[^1].Rule);
    }

    [Fact]
    public void NoEligibleRepAndNoFallbackRep_WaitsInTheTeamQueue_NeverDropped()
    {
        var night = new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero);

        var decision = Assign(NaSmb(), EmptyState(), night);

        Assert.Equal(LeadStatus.Unassigned, decision.Status);
        Assert.Equal("NA-SMB", decision.TeamId);
        Assert.Null(decision.RepId);
        Assert.Equal("FallbackToQueueRule", decision.Trace[^1].Rule);
        Assert.Contains("na-smb-queue", decision.Trace[^1].Effect, StringComparison.Ordinal);
    }

    [Fact]
    public void FallbackRepInactiveToo_LeadWaitsInQueue()
    {
        var state = EmptyState();
        foreach (var rep in new[] { "dach-1", "dach-2", "dach-3", "global-1" })
            state.Rep(rep).Active = false;

        var decision = Assign(Dach(), state, EuropeanMorning);

        Assert.Null(decision.RepId);
        Assert.Equal("FallbackToQueueRule", decision.Trace[^1].Rule);
    }
}
