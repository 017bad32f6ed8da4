using System.Globalization;
using System.Text.Json;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// Checks a posted lead field by field and reports every bad field at once (a serializer stops at
/// the first). Wrong types and absurd values are errors; messy but well-formed values are kept and
/// left for normalization, because marketing systems send them all the time.
/// </summary>
internal static class LeadPayloadParser
{
    public const int MaxTextLength = 2000;
    public const int MaxIdLength = 200;
    public const int MaxAttributes = 200;
    private const long MaxEmployees = 10_000_000;
    private static readonly decimal MaxRevenue = 10_000_000_000_000m;

    public static LeadInput? Parse(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object"];
            return null;
        }

        var fields = PostedFields.Collect(root);
        var unusable = new Dictionary<string, string>(StringComparer.Ordinal);
        var externalId = RequiredId(fields[PostedField.ExternalId], "externalId", errors);
        var source = RequiredId(fields[PostedField.Source], "source", errors);
        // Read in this order so that the errors are listed in it: ids, texts as TextFields lists them, numbers, attributes.
        var text = new string?[PostedFields.TextFields.Length];
        for (var i = 0; i < text.Length; i++)
            text[i] = OptionalText(fields[PostedField.FirstText + i], PostedFields.TextFields[i], errors);
        var employees = OptionalNumber(fields[PostedField.Employees], "employees", 0, MaxEmployees, errors, unusable);
        var revenue = OptionalNumber(fields[PostedField.AnnualRevenue], "annualRevenue", 0, MaxRevenue, errors, unusable);
        if (employees is not null && employees != decimal.Truncate(employees.Value))
            errors["employees"] = ["must be a whole number"];
        var attributes = Attributes(fields[PostedField.Attributes], errors);

        if (errors.Count > 0)
            return null;

        return new LeadInput
        {
            ExternalId = externalId!,
            Source = source!,
            Email = text[0], FirstName = text[1], LastName = text[2], Title = text[3], Phone = text[4], Company = text[5], Website = text[6],
            Country = text[7], State = text[8], PostalCode = text[9], City = text[10], Industry = text[11], LeadSource = text[12], Campaign = text[13],
            Employees = employees is null ? null : (long)employees.Value,
            AnnualRevenue = revenue,
            Attributes = attributes,
            Unusable = unusable,
        };
    }

    private static string? RequiredId(JsonElement value, string name, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            errors[name] = ["is required"];
            return null;
        }

        var id = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (id is null)
            errors[name] = ["must be a string"];
        else if (id.Length == 0)
            errors[name] = ["must not be empty"];
        else if (id.Length > MaxIdLength)
            errors[name] = [$"must be at most {MaxIdLength} characters"];
        else if (id.Any(char.IsControl))
            errors[name] = ["must not contain control characters"];
        else
            return id;
        return null;
    }

    private static string? OptionalText(JsonElement value, string name, Dictionary<string, string[]> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var s = value.GetString()!;
                if (s.Length <= MaxTextLength)
                    return s;
                errors[name] = [$"must be at most {MaxTextLength} characters"];
                return null;
            case JsonValueKind.Number:
                // Postal codes and phone numbers arrive as numbers from some form tools.
                return value.GetRawText();
            default:
                errors[name] = ["must be a string"];
                return null;
        }
    }

    private static decimal? OptionalNumber(JsonElement value, string name, decimal min, decimal max,
        Dictionary<string, string[]> errors, Dictionary<string, string> unusable)
    {
        decimal number;
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                if (!value.TryGetDecimal(out number))
                {
                    errors[name] = [$"must be a number between {min} and {max}"];
                    return null;
                }

                break;
            case JsonValueKind.String:
                var raw = value.GetString()!;
                if (raw.Length > MaxTextLength)
                {
                    errors[name] = [$"must be at most {MaxTextLength} characters"];
                    return null;
                }

                if (!decimal.TryParse(raw.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out number))
                {
                    if (raw.Trim().Length > 0)
                        unusable[name] = raw;
                    return null;
                }

                break;
            default:
                errors[name] = ["must be a number"];
                return null;
        }

        if (number >= min && number <= max)
            return number;
        errors[name] = [$"must be between {min} and {max}"];
        return null;
    }

    private static Dictionary<string, object?> Attributes(JsonElement value, Dictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            return result;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors["attributes"] = ["must be an object of custom fields"];
            return result;
        }

        foreach (var property in value.EnumerateObject())
        {
            var key = $"attributes.{property.Name}";
            if (result.Count >= MaxAttributes)
            {
                errors["attributes"] = [$"must have at most {MaxAttributes} fields"];
                break;
            }

            if (property.Name.Length is 0 or > MaxIdLength)
            {
                errors[key] = [$"field names must be 1 to {MaxIdLength} characters"];
                continue;
            }

            object? item = property.Value.ValueKind switch
            {
                JsonValueKind.String when property.Value.GetString()!.Length <= MaxTextLength => property.Value.GetString(),
                JsonValueKind.Number when property.Value.TryGetDecimal(out var d) => d,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => Invalid,
            };
            if (ReferenceEquals(item, Invalid))
                errors[key] = [$"must be a string (at most {MaxTextLength} characters), a number, a boolean or null"];
            else
                result[property.Name] = item;
        }

        return result;
    }

    private static readonly object Invalid = new();
}
