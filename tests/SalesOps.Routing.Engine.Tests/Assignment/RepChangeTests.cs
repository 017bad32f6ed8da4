using SalesOps.Routing.Engine.Decisions;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

/// <summary>Reps stand in a warm session between decisions; each decision must judge them on their values now.</summary>
public sealed class RepChangeTests
{
    [Fact]
    public void RepReachingCapacityBetweenDecisions_IsSkippedNextTime_AndTakenBackWhenFreed()
    {
        var state = EmptyState();
        var before = Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-1").OpenLeads = 30;
        state.Advance("EMEA-DACH", "dach-3");

        var full = Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-1").OpenLeads = 29;
        state.Advance("EMEA-DACH", "dach-3");
        var freed = Assign(Dach(), state, EuropeanMorning);

        Assert.Equal("dach-1", before.RepId);
        Assert.Equal("dach-2", full.RepId);
        Assert.Contains(full.Trace, t => t.Effect == "skipped rep dach-1: at capacity (30 of 30 open leads)");
        Assert.Equal("dach-1", freed.RepId);
        Assert.DoesNotContain(freed.Trace, t => t.Effect.StartsWith("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void RepAtCapacityWhoseCountChanges_IsSkippedWithTheNewCount()
    {
        var state = EmptyState();
        state.Rep("dach-1").OpenLeads = 30;
        var first = Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-1").OpenLeads = 31;

        var second = Assign(Dach(), state, EuropeanMorning);

        Assert.Contains(first.Trace, t => t.Effect == "skipped rep dach-1: at capacity (30 of 30 open leads)");
        Assert.Contains(second.Trace, t => t.Effect == "skipped rep dach-1: at capacity (31 of 30 open leads)");
        Assert.Single(second.Trace, t => t.Effect.StartsWith("skipped rep dach-1", StringComparison.Ordinal));
    }

    [Fact]
    public void RepSetOutOfOfficeBetweenDecisions_IsSkippedWithTheReturnDate()
    {
        var state = EmptyState();
        Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-2").OutOfOfficeFrom = EuropeanMorning.AddHours(-1);
        state.Rep("dach-2").OutOfOfficeTo = EuropeanMorning.AddDays(3);

        var away = Assign(Dach(), state, EuropeanMorning);
        var back = Assign(Dach(), state, EuropeanMorning.AddDays(3));

        Assert.Equal("dach-3", away.RepId);
        Assert.Contains(away.Trace, t => t.Rule == "OutOfOfficeRule" && t.Effect == "skipped rep dach-2: out of office until 2026-11-28 10:00 UTC");
        Assert.DoesNotContain(back.Trace, t => t.Rule == "OutOfOfficeRule");
    }

    [Fact]
    public void LaterDecisionPastClosingTime_SkipsEveryRepAndUsesTheFallback_ThenNextMorningAssignsAgain()
    {
        var state = EmptyState();
        var open = Assign(Dach(), state, new DateTimeOffset(2026, 11, 25, 16, 15, 0, TimeSpan.Zero));

        var closed = Assign(Dach(), state, new DateTimeOffset(2026, 11, 25, 16, 45, 0, TimeSpan.Zero));
        var nextMorning = Assign(Dach(), state, new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal("dach-1", open.RepId);
        Assert.Equal("global-1", closed.RepId);
        Assert.Equal(3, closed.Trace.Count(t => t.Rule == "OutsideWorkingHoursRule"));
        Assert.Equal("dach-2", nextMorning.RepId);
        Assert.DoesNotContain(nextMorning.Trace, t => t.Rule == "OutsideWorkingHoursRule");
    }

    [Fact]
    public void DailyCountFromYesterday_DoesNotCountOnTheRepsNextLocalDay()
    {
        var state = EmptyState();
        state.Rep("na-smb-1").MaxLeadsPerDay = 1;
        state.Rep("na-smb-2").MaxLeadsPerDay = 1;
        var first = Assign(NaSmb(), state, AmericanMorning);
        var second = Assign(NaSmb(), state, AmericanMorning);
        var third = Assign(NaSmb(), state, AmericanMorning);

        var tomorrow = Assign(NaSmb(), state, AmericanMorning.AddDays(1));

        Assert.Equal("na-smb-1", first.RepId);
        Assert.Equal("na-smb-2", second.RepId);
        Assert.Null(third.RepId);
        Assert.Contains(third.Trace, t => t.Effect == "skipped rep na-smb-1: daily limit reached (1 of 1 today)");
        Assert.Contains(third.Trace, t => t.Effect == "skipped rep na-smb-2: daily limit reached (1 of 1 today)");
        Assert.Equal("na-smb-1", tomorrow.RepId);
    }

    [Fact]
    public void EveryIneligibleRep_IsNamedOnceWithEachReason_AndEligibleOnesAreNot()
    {
        var state = EmptyState();
        Assign(Dach(), state, EuropeanMorning);
        state.Rep("dach-1").Active = false;
        state.Rep("dach-2").OutOfOfficeFrom = EuropeanMorning.AddDays(-1);
        state.Rep("dach-3").OpenLeads = 30;
        state.Rep("dach-3").MaxLeadsPerDay = 0;

        var decision = Assign(Dach(), state, EuropeanMorning);

        var skipped = decision.Trace.Where(t => t.Effect.StartsWith("skipped rep", StringComparison.Ordinal)).Select(t => $"{t.Rule}: {t.Effect}");
        Assert.Equal(
        [
            "AtCapacityRule: skipped rep dach-3: at capacity (30 of 30 open leads)",
            "DailyLimitRule: skipped rep dach-3: daily limit reached (0 of 0 today)",
            "InactiveRepRule: skipped rep dach-1: inactive",
            "OutOfOfficeRule: skipped rep dach-2: out of office",
        ], skipped.Order());
        Assert.Equal(LeadStatus.Assigned, decision.Status);
        Assert.Equal("global-1", decision.RepId);
    }

    [Fact]
    public void WeightRaisedBetweenDecisions_GivesTheRepTheLargerShareAtOnce()
    {
        var state = EmptyState();
        AssignMany(NaEnterprise, 8, state, AmericanMorning);
        state.Rep("na-ent-3").Weight = 12;

        var reps = AssignMany(NaEnterprise, 15, state, AmericanMorning);

        Assert.InRange(reps.Count(r => r == "na-ent-3"), 11, 13);
    }
}
