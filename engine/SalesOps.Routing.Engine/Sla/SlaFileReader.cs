using System.Globalization;
using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// Reads values out of the policy file's JSON, reporting each problem once with the line and column
/// of the value at fault. Unknown properties are errors, so a typo cannot pass silently.
/// </summary>
internal sealed class SlaFileReader(JsonPathPositions positions, List<RuleSetError> errors)
{
    public void Fail(string path, string message)
    {
        var (line, column) = positions.Of(path);
        errors.Add(new RuleSetError(RuleFiles.Sla, line, column, $"{(path.Length == 0 ? "" : path + ": ")}{message}"));
    }

    public bool IsObject(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail(path, "must be an object");
            return false;
        }

        if (allowed.Length == 0)
            return true;
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                Fail(Child(path, property.Name), $"unknown property; expected one of {string.Join(", ", allowed)}");
        }

        return true;
    }

    public string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!.Trim();
        Fail(Child(path, name), "must be a non-empty string");
        return null;
    }

    public string? RequiredString(JsonElement parent, string path, string name)
    {
        if (parent.TryGetProperty(name, out _))
            return OptionalString(parent, path, name);
        Fail(path, $"\"{name}\" is required");
        return null;
    }

    public int? OptionalInt(JsonElement parent, string path, string name, int min, int max)
    {
        if (!parent.TryGetProperty(name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
            return number;
        Fail(Child(path, name), $"must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A string or an array of strings, as a list; null after reporting anything else.</summary>
    public List<string>? StringOrList(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
            return [value.GetString()!];
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
            return [.. value.EnumerateArray().Select(e => e.GetString()!)];
        Fail(path, "must be a string or an array of strings");
        return null;
    }

    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
