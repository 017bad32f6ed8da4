using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Rules;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

public sealed class DependencyTests
{
    [Fact]
    public void RuleAskingForAServiceOtherThanTheChoiceRecorder_FailsTheDecisionNamingTheRuleAndTheService()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(AssignmentRules).Assembly));
        repository.Load(spec => spec.From(typeof(AsksForAClockRule)));
        var sessions = repository.Compile();
        var evaluation = LeadEvaluator.Evaluate(Dach(), AssignmentHarness.Rules);

        var error = Assert.ThrowsAny<Exception>(() =>
            RepAssigner.Assign(evaluation, AssignmentHarness.Rules, EmptyState(), new AssignmentContext(EuropeanMorning, [], null, null), sessions));

        var refusal = Assert.IsType<InvalidOperationException>(error.GetBaseException());
        Assert.Equal($"Rule {typeof(AsksForAClockRule).FullName} asks for TimeProvider; assignment rules can only resolve IChoiceRecorder.", refusal.Message);
    }
}

/// <summary>A rule from a rule set this engine does not know: it asks the session for a clock.</summary>
public sealed class AsksForAClockRule : Rule
{
    public override void Define()
    {
        TimeProvider clock = null!;
        LeadToAssign lead = null!;

        Dependency().Resolve(() => clock);
        When().Match(() => lead);
        Then().Do(_ => clock.GetUtcNow());
    }
}
