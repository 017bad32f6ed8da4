using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

public sealed class RuleSetBuilderTests
{
    [Fact]
    public void Build_SameFiles_GiveSameVersion_AndAnEditChangesIt()
    {
        var first = RuleSetBuilder.Build(SampleRules.Files());
        var again = RuleSetBuilder.Build(SampleRules.Files());
        var edited = RuleSetBuilder.Build(SampleRules.With(RuleFiles.Scoring, s => s.Replace("\"points\": 20", "\"points\": 25", StringComparison.Ordinal)));

        Assert.Equal(first.Version, again.Version);
        Assert.NotEqual(first.Version, edited.Version);
        Assert.Matches("^[0-9a-f]{12}$", first.Version);
    }

    [Fact]
    public void Build_JsonSyntaxError_ReportsFileLineAndColumn()
    {
        var files = SampleRules.With(RuleFiles.Routing, s => s.Replace("\"priority\": 20 }", "\"priority\": 2O }", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Routing, error.File);
        Assert.Equal(5, error.Line);
        Assert.NotNull(error.Column);
        Assert.Equal("'O' is an invalid end of a number. Expected a delimiter.", error.Message);
    }

    [Fact]
    public void Build_ExpressionThatDoesNotCompile_NamesTheRuleAndItsLine()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace("lead.Employees >= 1000", "lead.Employes >= 1000", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Scoring, error.File);
        Assert.Equal(6, error.Line);
        Assert.Contains("EnterpriseSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Employes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\\\"/etc/passwd\\\")")]
    [InlineData("Environment.GetEnvironmentVariable(\\\"HOME\\\") != null")]
    public void Build_ExpressionReachingOutsideTheLead_IsRejected(string expression)
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace("lead.Employees >= 1000", expression, StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Contains("EnterpriseSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RoutingRuleNamingUnknownTeam_IsRejected()
    {
        var files = SampleRules.With(RuleFiles.Routing, s => s.Replace("\"team\": \"APAC\"", "\"team\": \"APJ\"", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Contains("APJ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TypoInTeamsFile_IsRejectedWithItsLine()
    {
        var files = SampleRules.With(RuleFiles.Teams, s => ReplaceFirst(s, "\"reps\": [", "\"rep\": ["));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Teams, error.File);
        Assert.Equal("teams['NA-Enterprise']: unknown property \"rep\" (did you mean \"reps\"?)", error.Message);
        Assert.Equal((11, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Build_MissingFile_IsReported()
    {
        var files = SampleRules.Files();
        files.Remove(RuleFiles.Qualification);

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Qualification, error.File);
    }

    [Fact]
    public void Build_DefaultTeamWithoutRepsOrFallback_IsRejectedAsUnreachableCatchAll()
    {
        var files = SampleRules.With(RuleFiles.Teams, s => WithTriageTeam(s, "{ \"id\": \"Triage\" }"));
        files[RuleFiles.Sla] = WithTriageCalendar(files[RuleFiles.Sla]);

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal("teams.json:3:18: \"defaultTeam\" 'Triage' has no reps and no \"fallback\": leads no routing rule claims would reach nobody; "
            + "add a rep, or a fallback rep or queue", error.ToString());
    }

    [Fact]
    public void Build_DefaultTeamWithAFallbackQueueButNoReps_IsValid()
    {
        var files = SampleRules.With(RuleFiles.Teams, s => WithTriageTeam(s, "{ \"id\": \"Triage\", \"fallback\": { \"queue\": \"triage\" } }"));
        files[RuleFiles.Sla] = WithTriageCalendar(files[RuleFiles.Sla]);

        var rules = RuleSetBuilder.Build(files);

        Assert.Equal(("Triage", "triage"), (rules.DefaultTeamId, rules.Teams["Triage"].Fallback.Queue));
        Assert.Empty(rules.Teams["Triage"].Reps);
    }

    private static string WithTriageTeam(string teams, string team) =>
        ReplaceFirst(teams.Replace("\"defaultTeam\": \"Global-Inbound\"", "\"defaultTeam\": \"Triage\"", StringComparison.Ordinal),
            "\"teams\": [", "\"teams\": [\n    " + team + ",");

    // Every team needs an SLA calendar when policies count team hours; give the new team one.
    private static string WithTriageCalendar(string sla) =>
        ReplaceFirst(sla, "\"teams\": {", "\"teams\": {\n    \"Triage\": { \"calendar\": \"uki-office\" },");

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
