using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Writes workflow files for tests, one rule per line, so that line numbers in errors are predictable.</summary>
internal static class WorkflowJson
{
    /// <summary>A workflow file; rule i (0-based) is on line i + 5.</summary>
    public static string Of(string workflowName, params (string Name, string Expression, JsonObject Properties)[] rules)
    {
        var lines = rules.Select(r => "    " + new JsonObject
        {
            ["RuleName"] = r.Name,
            ["Expression"] = r.Expression,
            ["Properties"] = r.Properties.DeepClone(),
        }.ToJsonString());
        return $$"""
            {
              "$schema": "./schema/{{workflowName}}.schema.json",
              "WorkflowName": {{JsonSerializer.Serialize(workflowName)}},
              "Rules": [
            {{string.Join(",\n", lines)}}
              ]
            }
            """;
    }

    public static (string, string, JsonObject) Route(string name, string expression, string team, int priority) =>
        (name, expression, new JsonObject { ["team"] = team, ["priority"] = priority });

    public static (string, string, JsonObject) Score(string name, string expression, int points) =>
        (name, expression, new JsonObject { ["points"] = points });
}
