using SalesOps.Routing.Engine.Assignment;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

public sealed class DistributionTests
{
    [Fact]
    public void RoundRobin_ThirtyLeads_SpreadTenEachInTeamOrder()
    {
        var reps = AssignMany(Dach, 30, EmptyState(), EuropeanMorning);

        Assert.Equal(["dach-1", "dach-2", "dach-3", "dach-1"], reps.Take(4));
        Assert.All(reps.CountBy(r => r ?? "(none)"), pair => Assert.Equal(10, pair.Value));
    }

    [Fact]
    public void RoundRobin_RepBackFromHoliday_GetsNoFloodAndStaysWithinOneOfShare()
    {
        var state = EmptyState();
        state.Rep("dach-2").OutOfOfficeFrom = EuropeanMorning.AddDays(-1);
        state.Rep("dach-2").OutOfOfficeTo = EuropeanMorning.AddHours(1);
        var whileAway = AssignMany(Dach, 40, state, EuropeanMorning);

        var afterReturn = AssignMany(Dach, 300, state, EuropeanMorning.AddHours(2));

        Assert.DoesNotContain("dach-2", whileAway);
        AssertEveryWindowWithinOne(afterReturn, 100, new() { ["dach-1"] = 1, ["dach-2"] = 1, ["dach-3"] = 1 });
    }

    [Fact]
    public void Weighted_TwoToOneToOne_EveryHundredConsecutiveWithinOneOfTarget()
    {
        var reps = AssignMany(NaEnterprise, 400, EmptyState(), AmericanMorning);

        AssertEveryWindowWithinOne(reps, 100, new() { ["na-ent-1"] = 2, ["na-ent-2"] = 1, ["na-ent-3"] = 1 });
    }

    [Fact]
    public void Weighted_RepBackFromHoliday_GetsNoFlood()
    {
        var state = EmptyState();
        state.Rep("na-ent-2").Active = false;
        AssignMany(NaEnterprise, 60, state, AmericanMorning);
        state.Rep("na-ent-2").Active = null;

        var afterReturn = AssignMany(NaEnterprise, 200, state, AmericanMorning);

        AssertEveryWindowWithinOne(afterReturn, 100, new() { ["na-ent-1"] = 2, ["na-ent-2"] = 1, ["na-ent-3"] = 1 });
    }

    [Fact]
    public void LeastLoaded_PicksTheRepWithFewestOpenLeads_AndAlternatesWhenEqual()
    {
        var state = EmptyState();
        state.Rep("na-smb-1").OpenLeads = 5;
        state.Rep("na-smb-2").OpenLeads = 2;

        var reps = AssignMany(NaSmb, 9, state, AmericanMorning, touchEachLead: false);

        Assert.Equal(["na-smb-2", "na-smb-2", "na-smb-2"], reps.Take(3));
        Assert.Equal(["na-smb-1", "na-smb-2", "na-smb-1", "na-smb-2", "na-smb-1", "na-smb-2"], reps.Skip(3));
        Assert.Equal(state.Rep("na-smb-1").OpenLeads, state.Rep("na-smb-2").OpenLeads);
    }

    [Fact]
    public void Assign_TracesTheDistributionAndTheTurn()
    {
        var decision = Assign(Dach(), EmptyState(), EuropeanMorning);

        var step = Assert.Single(decision.Trace, t => t.Stage == "assign");
        Assert.Equal("round-robin", step.Rule);
        Assert.Contains("dach-1", step.Effect, StringComparison.Ordinal);
        Assert.Contains("3 eligible", step.Effect, StringComparison.Ordinal);
    }

    private static void AssertEveryWindowWithinOne(List<string?> reps, int window, Dictionary<string, int> weights)
    {
        var total = weights.Values.Sum();
        for (var start = 0; start + window <= reps.Count; start++)
        {
            var counts = reps.Skip(start).Take(window).CountBy(r => r!).ToDictionary();
            foreach (var (rep, weight) in weights)
            {
                var target = (double)window * weight / total;
                var actual = counts.GetValueOrDefault(rep);
                Assert.True(Math.Abs(actual - target) <= 1, $"window at {start}: {rep} got {actual}, target {target:F1}");
            }
        }
    }
}
