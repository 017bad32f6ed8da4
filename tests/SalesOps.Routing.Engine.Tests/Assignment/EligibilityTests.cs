using SalesOps.Routing.Engine.Decisions;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

public sealed class EligibilityTests
{
    [Fact]
    public void InactiveRep_IsSkippedWithReason()
    {
        var state = EmptyState();
        state.Rep("dach-1").Active = false;

        var decision = Assign(Dach(), state, EuropeanMorning);

        Assert.Equal("dach-2", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "InactiveRepRule" && t.Effect == "skipped rep dach-1: inactive");
    }

    [Fact]
    public void OutOfOfficeRep_IsSkippedUntilTheyReturn()
    {
        var state = EmptyState();
        state.Rep("dach-1").OutOfOfficeFrom = EuropeanMorning.AddDays(-2);
        state.Rep("dach-1").OutOfOfficeTo = EuropeanMorning.AddDays(1);

        var away = Assign(Dach(), state, EuropeanMorning);
        var back = Assign(Dach(), EmptyStateWithOoo(state), EuropeanMorning.AddDays(1));

        Assert.NotEqual("dach-1", away.RepId);
        Assert.Contains(away.Trace, t => t.Rule == "OutOfOfficeRule" && t.Effect.Contains("until 2026-11-26", StringComparison.Ordinal));
        Assert.Equal("dach-1", back.RepId);
    }

    [Fact]
    public void RepOutsideWorkingHoursInTheirOwnTimeZone_IsSkipped()
    {
        // 16:45 UTC on a Wednesday is 17:45 in Berlin, Vienna and Zurich: after the team's 17:30 close.
        var evening = new DateTimeOffset(2026, 11, 25, 16, 45, 0, TimeSpan.Zero);

        var decision = Assign(Dach(), EmptyState(), evening);

        Assert.Equal(3, decision.Trace.Count(t => t.Rule == "OutsideWorkingHoursRule"));
        Assert.Contains(decision.Trace, t => t.Effect.Contains("skipped rep dach-1: outside working hours", StringComparison.Ordinal)
            && t.Effect.Contains("Europe/Berlin", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkingHours_FollowTheRepsZone_NotTheServers()
    {
        // 08:30 UTC: 09:30 in Berlin (open) — the same wall time would be closed in London, but DACH reps are in CET.
        var decision = Assign(Dach(), EmptyState(), new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal("dach-1", decision.RepId);
    }

    [Fact]
    public void RepAtCapacity_IsSkipped_AndClosingALeadFreesThem()
    {
        var state = EmptyState();
        state.Rep("dach-1").OpenLeads = 30;

        var full = Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-1").OpenLeads = 29;
        state.Advance("EMEA-DACH", "dach-3");
        var freed = Assign(Dach(), state, EuropeanMorning);

        Assert.Equal("dach-2", full.RepId);
        Assert.Contains(full.Trace, t => t.Rule == "AtCapacityRule" && t.Effect.Contains("30 of 30", StringComparison.Ordinal));
        Assert.Equal("dach-1", freed.RepId);
    }

    [Fact]
    public void RepAtDailyLimit_IsSkippedUntilTheirNextLocalDay()
    {
        var state = EmptyState();
        var lead = () => NaSmb();
        var reps = AssignMany(lead, 60, state, AmericanMorning);
        var sixtyFirst = Assign(NaSmb(), state, AmericanMorning);
        var nextDay = Assign(NaSmb(), state, AmericanMorning.AddDays(1));

        Assert.Equal(30, reps.Count(r => r == "na-smb-1"));
        Assert.Equal(30, reps.Count(r => r == "na-smb-2"));
        Assert.Equal(LeadStatus.Unassigned, sixtyFirst.Status);
        Assert.Contains(sixtyFirst.Trace, t => t.Rule == "DailyLimitRule");
        Assert.Equal(LeadStatus.Assigned, nextDay.Status);
    }

    private static Engine.Assignment.RoutingState EmptyStateWithOoo(Engine.Assignment.RoutingState state)
    {
        var copy = EmptyState();
        copy.Rep("dach-1").OutOfOfficeFrom = state.Rep("dach-1").OutOfOfficeFrom;
        copy.Rep("dach-1").OutOfOfficeTo = state.Rep("dach-1").OutOfOfficeTo;
        return copy;
    }
}
