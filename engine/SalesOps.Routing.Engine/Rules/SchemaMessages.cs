using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Turns JSON Schema evaluation results into messages an ops person can act on: where in the file
/// (by rule name or team id rather than array index), and what to change.
/// </summary>
internal static class SchemaMessages
{
    private const string AdditionalProperties = "additionalProperties";

    public static IEnumerable<(string Pointer, string Message)> Explain(EvaluationResults results, JsonElement instance, JsonElement schema)
    {
        var failures = Flatten(results)
            .SelectMany(r => r.Errors!.Select(e => (Pointer: r.InstanceLocation.ToString(), Keyword: e.Key, Text: e.Value,
                Location: SchemaNode(schema, r.SchemaLocation), Unknown: r.EvaluationPath.ToString().EndsWith("/" + AdditionalProperties, StringComparison.Ordinal))))
            .ToList();

        // "Expresion" is reported as an unknown property that means "Expression"; saying again that
        // "Expression" is missing would only repeat it.
        var meant = failures.Where(f => f is { Keyword: "", Unknown: true })
            .Select(f => (Owner: Parent(f.Pointer), Name: Suggest(LastSegment(f.Pointer), f.Location)))
            .Where(s => s.Name is not null)
            .ToHashSet();

        foreach (var (pointer, keyword, text, location, unknown) in failures)
        {
            var where = At(instance, pointer);
            switch (keyword)
            {
                case "" when unknown:
                    yield return (pointer, UnknownProperty(instance, pointer, location));
                    break;
                case "enum" when location?.TryGetProperty("enum", out var values) == true:
                    yield return (pointer, $"{where}must be one of {string.Join(", ", values.EnumerateArray().Select(v => v.GetRawText()))}");
                    break;
                case "const" when location?.TryGetProperty("const", out var value) == true:
                    yield return (pointer, $"{where}must be {value.GetRawText()}");
                    break;
                case "required":
                    var missing = Missing(instance, pointer, location)?.Where(m => !meant.Contains((pointer, m))).ToList();
                    if (missing is null)
                        yield return (pointer, $"{where}{text}");
                    else if (missing.Count > 0)
                        yield return (pointer, $"{where}missing required property {string.Join(", ", missing.Select(m => $"\"{m}\""))}");
                    break;
                default:
                    yield return (pointer, $"{where}{text}");
                    break;
            }
        }
    }

    private static string At(JsonElement root, string pointer) => pointer.Length == 0 ? "" : Describe(root, pointer) + ": ";

    /// <summary>A readable path such as <c>Rules['Dach'].Properties.team</c>: array items are named by their RuleName or id when they have one.</summary>
    public static string Describe(JsonElement root, string pointer)
    {
        if (pointer.Length == 0)
            return "the file";
        var path = new StringBuilder();
        JsonElement? current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < array.GetArrayLength())
            {
                current = array[index];
                path.Append(NameOf(current.Value) is { } name ? $"['{name}']" : $"[{index}]");
                continue;
            }

            path.Append(path.Length == 0 ? segment : "." + segment);
            current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
        }

        return path.ToString();
    }

    private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results)
    {
        if (results.Errors is { Count: > 0 })
            yield return results;
        foreach (var detail in results.Details ?? [])
        {
            foreach (var nested in Flatten(detail))
                yield return nested;
        }
    }

    private static string? NameOf(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var key in (string[])["RuleName", "id"])
        {
            if (item.TryGetProperty(key, out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text)
                return text;
        }

        return null;
    }

    private static string UnknownProperty(JsonElement instance, string pointer, JsonElement? location)
    {
        var name = LastSegment(pointer);
        var message = $"{At(instance, Parent(pointer))}unknown property \"{name}\"";
        if (Suggest(name, location) is { } suggestion)
            return message + $" (did you mean \"{suggestion}\"?)";
        var known = KnownProperties(location);
        return known.Count > 0 ? message + $"; allowed here: {string.Join(", ", known)}" : message;
    }

    private static string? Suggest(string name, JsonElement? location) =>
        KnownProperties(location).Where(k => Distance(k, name) <= Math.Max(1, name.Length / 4)).OrderBy(k => Distance(k, name)).FirstOrDefault();

    private static List<string> KnownProperties(JsonElement? location) =>
        location?.TryGetProperty("properties", out var properties) == true ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];

    private static List<string>? Missing(JsonElement instance, string pointer, JsonElement? location)
    {
        if (location?.TryGetProperty("required", out var required) != true || JsonPointer.Parse(pointer).Evaluate(instance) is not { ValueKind: JsonValueKind.Object } target)
            return null;
        return [.. required.EnumerateArray().Select(r => r.GetString()!).Where(r => !target.TryGetProperty(r, out _))];
    }

    private static string Parent(string pointer) => pointer[..pointer.LastIndexOf('/')];

    private static string LastSegment(string pointer) =>
        pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>The schema object that produced an error; for additionalProperties, the object whose properties it guards.</summary>
    private static JsonElement? SchemaNode(JsonElement schema, Uri location)
    {
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        var cut = fragment.LastIndexOf("/" + AdditionalProperties, StringComparison.Ordinal);
        if (cut >= 0)
            fragment = fragment[..cut];
        return JsonPointer.TryParse(fragment, out var pointer) ? pointer.Evaluate(schema) : null;
    }

    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
