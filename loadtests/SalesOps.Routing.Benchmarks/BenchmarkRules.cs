using System.Globalization;
using System.Text;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>The sample rule files, and variants scaled up to the sizes a large sales org runs.</summary>
internal static class BenchmarkRules
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "rules");

    public static Dictionary<string, string> SampleFiles() =>
        RuleFiles.Required.Where(name => File.Exists(Path.Combine(Folder, name)))
            .ToDictionary(name => name, name => File.ReadAllText(Path.Combine(Folder, name)), StringComparer.Ordinal);

    /// <summary>The sample set with EMEA-DACH grown to <paramref name="reps"/> reps and no capacity caps.</summary>
    public static Dictionary<string, string> WithLargeTeam(int reps)
    {
        var files = SampleFiles();
        var repLines = string.Join(",\n", Enumerable.Range(1, reps).Select(i =>
            $$"""        {"id": "big-{{i}}", "name": "Rep {{i}}", "timeZone": "Europe/Berlin"}"""));
        var team = $$"""
            {
              "id": "EMEA-DACH", "name": "EMEA DACH", "distribution": "round-robin", "timeZone": "Europe/Berlin",
              "workingHours": [{"days": ["mon-fri"], "from": "09:00", "to": "17:30"}], "fallback": {"rep": "global-1"},
              "reps": [
            {{repLines}}
              ]
            },
            """;
        var text = files[RuleFiles.Teams];
        var start = text.IndexOf("    {\n      \"id\": \"EMEA-DACH\"", StringComparison.Ordinal);
        var end = text.IndexOf("    {\n      \"id\": \"EMEA-UKI\"", StringComparison.Ordinal);
        files[RuleFiles.Teams] = string.Concat(text.AsSpan(0, start), team, "\n", text.AsSpan(end));
        return files;
    }

    /// <summary>The sample set with <paramref name="count"/> territory rules by country and postal-code prefix, the DACH rule last.</summary>
    public static Dictionary<string, string> WithTerritoryRules(int count, int reps)
    {
        var files = WithLargeTeam(reps);
        var rules = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var prefix = (10000 + i).ToString(CultureInfo.InvariantCulture);
            rules.Append(CultureInfo.InvariantCulture,
                $$"""    { "RuleName": "Territory{{i}}", "Expression": "lead.Country == \"FR\" && lead.PostalCode.StartsWith(\"{{prefix}}\")", "Properties": { "team": "APAC", "priority": 30 } },""")
                .Append('\n');
        }

        files[RuleFiles.Routing] = files[RuleFiles.Routing].Replace("  \"Rules\": [\n", "  \"Rules\": [\n" + rules, StringComparison.Ordinal);
        return files;
    }
}
