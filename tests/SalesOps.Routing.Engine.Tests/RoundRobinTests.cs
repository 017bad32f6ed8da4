using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Distribution;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

public sealed class RoundRobinTests
{
    private static readonly RuleSet Rules = SampleRules.Load();

    [Fact]
    public void Assign_ThirtyQualifiedLeads_SpreadEvenlyInTeamOrder()
    {
        var state = new RoutingState([]);
        var reps = new List<string>();

        for (var i = 0; i < 30; i++)
        {
            var evaluation = LeadEvaluator.Evaluate(Leads.Qualified() with { Country = "DE" }, Rules);
            reps.Add(RepAssigner.Assign(evaluation, Rules, state).RepId!);
        }

        Assert.Equal(["dach-1", "dach-2", "dach-3", "dach-1"], reps.Take(4));
        Assert.All(reps.CountBy(r => r), pair => Assert.Equal(10, pair.Value));
    }

    [Fact]
    public void Next_AfterRepLeftTheTeam_StartsFromTheTop()
    {
        var team = Rules.Teams["EMEA-DACH"];

        Assert.Equal("dach-1", RoundRobin.Next(team, "someone-who-left")!.Id);
        Assert.Equal("dach-1", RoundRobin.Next(team, "dach-3")!.Id);
    }

    [Fact]
    public void Assign_UnqualifiedLead_IsNotAssignedAndDoesNotMoveTheRotation()
    {
        var state = new RoutingState([KeyValuePair.Create("EMEA-DACH", "dach-1")]);
        var evaluation = LeadEvaluator.Evaluate(Leads.Plain() with { Country = "DE" }, Rules);

        var decision = RepAssigner.Assign(evaluation, Rules, state);

        Assert.Equal(LeadStatus.Unassigned, decision.Status);
        Assert.Null(decision.RepId);
        Assert.Equal("dach-1", state.LastRepOf("EMEA-DACH"));
    }
}
