using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Engine.Tests.Assignment;

namespace SalesOps.Routing.Engine.Tests.Sla;

public sealed class SlaRulesTests
{
    private readonly RuleSet _rules = SampleRules.Load();

    [Fact]
    public void SampleFile_HotDemoRequest_GetsHotInboundOnTheRepsOwnClock()
    {
        var (evaluation, decision) = Decide(Leads.Qualified() with { Country = "Germany", Title = "VP Sales", Employees = 300 });

        var plan = _rules.Sla.PlanFirstTouch(evaluation.Facts, decision.TeamId, Rep(decision), _rules.Version);

        Assert.NotNull(plan);
        Assert.Equal("hot-inbound", plan.PolicyName);
        Assert.Equal(TimeSpan.FromMinutes(15), plan.Target);
        Assert.Equal(_rules.Version, plan.RuleSetVersion);
        Assert.Equal("rep-working-day@Europe/Berlin", plan.CalendarKey);
        Assert.Equal("Europe/Berlin", _rules.Sla.FindCalendar(plan.CalendarKey)!.TimeZoneId);
    }

    [Fact]
    public void SampleFile_ConditionOnTeam_PicksTheEnterprisePolicyOnTheTeamCalendar()
    {
        var (evaluation, decision) = Decide(Leads.Qualified() with { Country = "US", Employees = 5000 });

        var plan = _rules.Sla.PlanFirstTouch(evaluation.Facts, decision.TeamId, Rep(decision), _rules.Version);

        Assert.Equal("NA-Enterprise", decision.TeamId);
        Assert.Equal("enterprise", plan!.PolicyName);
        Assert.Equal("us-office", plan.CalendarKey);
    }

    [Fact]
    public void SampleFile_OtherLeads_GetTheDefaultPolicy_AndUnassignedLeadsNone()
    {
        var (evaluation, decision) = Decide(Leads.Qualified());
        var (plainEvaluation, unassigned) = Decide(Leads.Plain());

        var plan = _rules.Sla.PlanFirstTouch(evaluation.Facts, decision.TeamId, Rep(decision), _rules.Version);

        Assert.Equal("default", plan!.PolicyName);
        Assert.Equal(TimeSpan.FromMinutes(240), plan.Target);
        Assert.Null(_rules.Sla.PlanFirstTouch(plainEvaluation.Facts, unassigned.TeamId, Rep(unassigned), _rules.Version));
    }

    [Theory]
    [InlineData("\"calendar\": \"rep\"", "\"calendar\": \"rep-office\"", "rep-office")]
    [InlineData("\"hours\": \"rep-working-day\"", "\"hours\": \"rep-working-days\"", "rep-working-days")]
    [InlineData("\"EMEA-DACH\": { \"calendar\": \"dach-office\"", "\"EMEA-DAC\": { \"calendar\": \"dach-office\"", "EMEA-DAC")]
    [InlineData("\"NA-SMB\": { \"calendar\": \"us-office\"", "\"NA-SMB\": { \"calendar\": \"us-offices\"", "us-offices")]
    [InlineData("\"timeZone\": \"Asia/Singapore\"", "\"timeZone\": \"Asia/Singapur\"", "Asia/Singapur")]
    [InlineData("\"mon-fri\": \"08:30-17:30\"", "\"mon-fri\": \"17:30-08:30\"", "17:30-08:30")]
    [InlineData("lead.Score >= 70", "lead.Scor >= 70", "Scor")]
    [InlineData("\"warnAtPercent\": 80", "\"warnAtPercent\": 120", "warnAtPercent")]
    [InlineData("\"first-touch\": 60", "\"first-tuch\": 60", "first-tuch")]
    [InlineData("{ \"action\": \"reassign\", \"maxTimes\": 2 }", "{ \"action\": \"reasign\", \"maxTimes\": 2 }", "onBreach[1].action")]
    [InlineData("\"date\": \"2026-05-25\", \"name\": \"Whit Monday\"", "\"date\": \"2026-05-32\", \"name\": \"Whit Monday\"", "2026-05-32")]
    public void Build_MistakeInPolicyFile_IsReportedWithItsLineAndColumn(string original, string mistake, string named)
    {
        var files = SampleRules.With(RuleFiles.Sla, s => ReplaceOnce(s, original, mistake));
        var expectedLine = files[RuleFiles.Sla].Split('\n').ToList().FindIndex(l => l.Contains(mistake, StringComparison.Ordinal)) + 1;

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Sla, error.File);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(expectedLine, error.Line);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void TeamWithoutACalendar_CountsAroundTheClock_AndATeamAddedToTheTeamsFileNeedsNoSlaEdit()
    {
        var rules = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Sla, s => ReplaceOnce(s, "\"Global-Inbound\": { \"calendar\": \"uki-office\" }", "\"Global-Inbound\": {}")));
        var evaluation = LeadEvaluator.Evaluate(Leads.Qualified(), rules);
        var rep = rules.Teams["Global-Inbound"].Reps[0];

        var plan = rules.Sla.PlanFirstTouch(evaluation.Facts, "Global-Inbound", rep, rules.Version);

        Assert.Equal(("default", SlaCalendars.AlwaysOpen), (plan!.PolicyName, plan.CalendarKey));
    }

    [Fact]
    public void Build_EscalationToManagerWithoutManagersOrQueue_IsRejected()
    {
        var files = SampleRules.With(RuleFiles.Sla, s => ReplaceOnce(s, "\"escalationQueue\": \"sales-leadership\",", ""));

        var errors = Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors;

        Assert.All(errors, e => Assert.Contains("Global-Inbound", e.Message, StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Build_SyntaxErrorInPolicyFile_ReportsLineAndColumn()
    {
        var files = SampleRules.With(RuleFiles.Sla, s => ReplaceOnce(s, "\"warnAtPercent\": 75,\n      \"onBreach\"", "\"warnAtPercent\": 75\n      \"onBreach\""));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Sla, error.File);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Build_PolicyEdit_ChangesTheRuleSetVersion()
    {
        var edited = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Sla, s => ReplaceOnce(s, "\"first-touch\": 15", "\"first-touch\": 10")));

        Assert.NotEqual(_rules.Version, edited.Version);
        Assert.Equal(TimeSpan.FromMinutes(10), edited.Sla.Policies[0].Terms.TargetFor(SlaTargetKinds.FirstTouch)!.Duration);
    }

    private (Evaluation Evaluation, Decision Decision) Decide(Engine.Leads.LeadInput lead)
    {
        var evaluation = LeadEvaluator.Evaluate(lead, _rules);
        var now = evaluation.TeamId?.StartsWith("NA-", StringComparison.Ordinal) == true ? AssignmentHarness.AmericanMorning : AssignmentHarness.EuropeanMorning;
        return (evaluation, RepAssigner.Assign(evaluation, _rules, AssignmentHarness.EmptyState(), new AssignmentContext(now, []), AssignmentHarness.Sessions));
    }

    private RepDefinition? Rep(Decision decision) => decision.RepId is null ? null : _rules.Reps[decision.RepId];

    private static string ReplaceOnce(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"sample sla.json no longer contains {original}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}
