using System.Text.Json;
using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Routing;

/// <summary>
/// Reads a PUT /api/reps/{id} body with merge semantics: a field that is present sets the override,
/// present and null clears it (back to teams.json), absent leaves it as it is.
/// </summary>
internal static class RepChangeParser
{
    public static Action<RepState>? Parse(JsonElement body, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object"];
            return null;
        }

        var changes = new List<Action<RepState>>();
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "active" when value.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                    bool? active = value.ValueKind == JsonValueKind.Null ? null : value.GetBoolean();
                    changes.Add(s => s.Active = active);
                    break;
                case "outOfOffice":
                    if (OutOfOffice(value, errors) is { } period)
                        changes.Add(s => (s.OutOfOfficeFrom, s.OutOfOfficeTo) = period);
                    break;
                case "maxOpenLeads" or "maxLeadsPerDay" or "weight":
                    if (Number(property.Name, value, errors) is var (ok, number) && ok)
                        changes.Add(property.Name switch
                        {
                            "maxOpenLeads" => s => s.MaxOpenLeads = number,
                            "maxLeadsPerDay" => s => s.MaxLeadsPerDay = number,
                            _ => s => s.Weight = number,
                        });
                    break;
                case "active":
                    errors["active"] = ["must be true, false or null"];
                    break;
                default:
                    errors[property.Name] = ["is not a field of a rep; use active, outOfOffice, maxOpenLeads, maxLeadsPerDay or weight"];
                    break;
            }
        }

        return errors.Count > 0 ? null : state => changes.ForEach(change => change(state));
    }

    private static (DateTimeOffset?, DateTimeOffset?)? OutOfOffice(JsonElement value, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return (null, null);
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("from", out var from) && from.TryGetDateTimeOffset(out var start))
        {
            DateTimeOffset? end = null;
            if (value.TryGetProperty("to", out var to) && to.ValueKind != JsonValueKind.Null)
            {
                if (!to.TryGetDateTimeOffset(out var parsed) || parsed <= start)
                {
                    errors["outOfOffice.to"] = ["must be an ISO 8601 instant after \"from\", or null"];
                    return null;
                }

                end = parsed.ToUniversalTime();
            }

            return (start.ToUniversalTime(), end);
        }

        errors["outOfOffice"] = ["must be null or { \"from\": ISO 8601 instant, \"to\": ISO 8601 instant or null }"];
        return null;
    }

    private static (bool Ok, int? Value) Number(string name, JsonElement value, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return (true, null);
        var (min, max) = name == "weight" ? (1, 100) : (0, 100_000);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max)
            return (true, n);
        errors[name] = [$"must be a whole number from {min} to {max}, or null"];
        return (false, null);
    }
}
