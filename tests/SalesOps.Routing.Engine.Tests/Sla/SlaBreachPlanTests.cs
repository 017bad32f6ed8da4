using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using static SalesOps.Routing.Engine.Tests.Sla.TestCalendars;

namespace SalesOps.Routing.Engine.Tests.Sla;

public sealed class SlaBreachPlanTests
{
    private static readonly RuleSet Rules = SampleRules.Load();
    private static readonly SlaPolicy HotInbound = Rules.Sla.Policies.Single(p => p.Name == "hot-inbound");

    [Fact]
    public void FirstBreach_NotifiesRepAndManager_AndReassigns()
    {
        var plan = Rules.Sla.PlanBreach(HotInbound.Terms.OnBreach, Timer(SlaTargetKinds.FirstTouch, "dach-1"), 0);

        Assert.Equal(["rep:dach-1", "manager:mgr-dach"], plan.Notify);
        Assert.True(plan.Reassign);
        Assert.Null(plan.EscalateTo);
    }

    [Fact]
    public void BreachAfterTwoReassignments_EscalatesToTheTeamManager()
    {
        var plan = Rules.Sla.PlanBreach(HotInbound.Terms.OnBreach, Timer(SlaTargetKinds.FirstTouch, "dach-3"), 2);

        Assert.False(plan.Reassign);
        Assert.Equal("manager:mgr-dach", plan.EscalateTo);
        Assert.Contains(plan.Steps, s => s.Contains("already reassigned 2 of at most 2", StringComparison.Ordinal));
    }

    [Fact]
    public void BreachWithNobodyLeftToTakeOver_Escalates_ToTheQueueWhenTheTeamHasNoManager()
    {
        var plan = Rules.Sla.PlanBreach(HotInbound.Terms.OnBreach, Timer(SlaTargetKinds.FirstTouch, "global-1", "Global-Inbound"), 0, canReassign: false);

        Assert.False(plan.Reassign);
        Assert.Equal("queue:sales-leadership", plan.EscalateTo);
        Assert.Equal(["rep:global-1"], plan.Notify);
    }

    [Fact]
    public void FollowUpBreach_NeverReassigns()
    {
        var plan = Rules.Sla.PlanBreach(HotInbound.Terms.OnBreach, Timer(SlaTargetKinds.FollowUp, "dach-1"), 0);

        Assert.False(plan.Reassign);
        Assert.Equal("manager:mgr-dach", plan.EscalateTo);
    }

    private static SlaTimer Timer(string kind, string repId, string teamId = "EMEA-DACH") =>
        SlaTimer.Start(new SlaTimerPlan(kind, 1, HotInbound.Name, Rules.Version, HotInbound.Terms, SlaCalendars.AlwaysOpen, teamId, repId),
            Utc("2026-03-02T09:00:00Z"), BusinessCalendar.AlwaysOpen());
}
