using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Rule files are checked against the JSON Schemas in rules/schema, with errors pointing at line and column.</summary>
public sealed class RuleSchemaTests
{
    [Fact]
    public void EveryJsonRuleFile_HasASchema_AndTheSampleNamesItInDollarSchema()
    {
        foreach (var file in RuleFiles.Required.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.Contains(file, RuleFileSchemas.Files);
            using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleRules.Folder, file)));
            var reference = sample.RootElement.GetProperty("$schema").GetString()!;
            Assert.True(File.Exists(Path.Combine(SampleRules.Folder, reference)), $"{file} names {reference}, which does not exist");
        }
    }

    [Fact]
    public void Build_MisspelledRuleField_NamesItWithTheRuleAndSuggestsTheRightOne()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace("\"Expression\": \"lead.Employees >= 1000\"", "\"Expresion\": \"lead.Employees >= 1000\"", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal("scoring.json:6:37: Rules['EnterpriseSize']: unknown property \"Expresion\" (did you mean \"Expression\"?)", error.ToString());
    }

    [Fact]
    public void Build_PointsGivenAsText_IsATypeError()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace("\"points\": 15", "\"points\": \"15\"", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(6, error.Line);
        Assert.Equal("Rules['EnterpriseSize'].Properties.points: Value is \"string\" but should be \"integer\"", error.Message);
    }

    [Fact]
    public void Build_UnknownQualificationEffect_ListsTheAllowedValues()
    {
        var files = SampleRules.With(RuleFiles.Qualification, s => s.Replace("\"effect\": \"qualify\"", "\"effect\": \"qualifies\"", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal("qualification.json:8:85: Rules['MqlThreshold'].Properties.effect: must be one of \"qualify\", \"disqualify\"", error.ToString());
    }

    [Fact]
    public void Build_MisspelledPriority_IsRejectedInsteadOfSilentlyBecomingZero()
    {
        var files = SampleRules.With(RuleFiles.Routing, s => s.Replace("\"priority\": 20", "\"priorty\": 20", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(RuleFiles.Routing, error.File);
        Assert.Equal(5, error.Line);
        Assert.Contains("unknown property \"priorty\" (did you mean \"priority\"?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PropertyGivenTwice_IsReportedAtTheSecondOne()
    {
        var files = SampleRules.With(RuleFiles.Routing, s => s.Replace("\"team\": \"EMEA-UKI\", \"priority\": 10", "\"team\": \"EMEA-UKI\", \"priority\": 10, \"team\": \"APAC\"", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(8, error.Line);
        Assert.Equal("Rules['UkAndIreland'].Properties.team: is given twice; keep one", error.Message);
    }

    [Fact]
    public void Build_MissingRequiredField_SaysWhichOne()
    {
        var files = SampleRules.With(RuleFiles.Teams, s => s.Replace("\"defaultTeam\": \"Global-Inbound\",", "", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal("teams.json:1:1: missing required property \"defaultTeam\"", error.ToString());
    }

    [Fact]
    public void Build_UnsupportedRulesEngineFeature_IsRejectedBySchema()
    {
        var files = SampleRules.With(RuleFiles.Scoring, s => s.Replace("\"WorkflowName\": \"scoring\",", "\"WorkflowName\": \"scoring\", \"GlobalParams\": [],", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<RuleSetException>(() => RuleSetBuilder.Build(files)).Errors);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("unknown property \"GlobalParams\"; allowed here: $schema, WorkflowName, Rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FileWithoutDollarSchemaAndWithComments_IsStillValid()
    {
        var files = SampleRules.With(RuleFiles.Routing, s => s.Replace("\"$schema\": \"./schema/routing.schema.json\",", "// territory rules", StringComparison.Ordinal));

        var rules = RuleSetBuilder.Build(files);

        Assert.Equal(5, rules.Routing.Count);
    }
}
