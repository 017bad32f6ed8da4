using System.Text.Json;
using System.Text.Json.Serialization;
using RulesEngine.Models;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>Reads a Microsoft RulesEngine workflow file, reporting syntax errors with line and column.</summary>
internal static class WorkflowFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static Workflow? Read(string fileName, string content, List<RuleSetError> errors)
    {
        try
        {
            var workflow = JsonSerializer.Deserialize<Workflow>(content, Options);
            if (workflow is null || string.IsNullOrWhiteSpace(workflow.WorkflowName))
            {
                errors.Add(new RuleSetError(fileName, 1, 1, "a workflow file must be one object with a \"WorkflowName\" and \"Rules\""));
                return null;
            }

            return workflow;
        }
        catch (JsonException ex)
        {
            errors.Add(new RuleSetError(fileName, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, FirstSentence(ex.Message)));
            return null;
        }
    }

    /// <summary>Reads a rule property as a string; JSON numbers and booleans are accepted as their text.</summary>
    public static string? StringProperty(Rule rule, string name) =>
        rule.Properties is not null && TryGet(rule.Properties, name, out var value)
            ? value switch
            {
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                JsonElement { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
                string s => s,
                _ => null,
            }
            : null;

    /// <summary>Reads a rule property as a whole number, or null when it is absent or not one.</summary>
    public static int? IntProperty(Rule rule, string name) =>
        rule.Properties is not null && TryGet(rule.Properties, name, out var value)
            ? value switch
            {
                JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt32(out var i) => i,
                JsonElement { ValueKind: JsonValueKind.String } e when int.TryParse(e.GetString(), out var i) => i,
                int i => i,
                _ => null,
            }
            : null;

    private static bool TryGet(Dictionary<string, object> properties, string name, out object? value)
    {
        foreach (var (key, v) in properties)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
