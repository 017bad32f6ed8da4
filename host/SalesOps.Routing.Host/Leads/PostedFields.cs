using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SalesOps.Routing.Host.Leads;

/// <summary>The slots of <see cref="PostedFields"/>: one per field of a posted lead that the parser reads.</summary>
internal static class PostedField
{
    public const int ExternalId = 0;
    public const int Source = 1;
    public const int FirstText = 2;
    public const int Employees = FirstText + 14;
    public const int AnnualRevenue = Employees + 1;
    public const int Attributes = AnnualRevenue + 1;
    public const int Count = Attributes + 1;
}

/// <summary>
/// The known fields of a posted lead, found in one pass over the body's properties. Looking each
/// field up by name walked the whole object once per field, 19 times a lead. A field the body
/// lacks is left <see cref="JsonValueKind.Undefined"/>; a field sent twice keeps its last value, as
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
/// </summary>
[InlineArray(PostedField.Count)]
internal struct PostedFields
{
    /// <summary>The text fields, in their slot order from <see cref="PostedField.FirstText"/>.</summary>
    public static readonly string[] TextFields =
    [
        "email", "firstName", "lastName", "title", "phone", "company", "website", "country", "state",
        "postalCode", "city", "industry", "leadSource", "campaign",
    ];

    // The longest known name, "annualRevenue"; a longer unescaped name is none of them.
    private const int LongestName = 13;

    private JsonElement _first;

    public static PostedFields Collect(JsonElement root)
    {
        var fields = new PostedFields();
        Span<char> buffer = stackalloc char[LongestName];
        foreach (var property in root.EnumerateObject())
        {
            var slot = SlotOf(property, buffer);
            if (slot >= 0)
                fields[slot] = property.Value;
        }

        return fields;
    }

    private static int SlotOf(JsonProperty property, Span<char> buffer)
    {
        // The raw name spares a string per property; an escaped one ("\u0065mail") is rare and read as a string.
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        ReadOnlySpan<char> name;
        if (raw.Contains((byte)'\\'))
            name = property.Name;
        else if (raw.Length > LongestName)
            return -1;
        else
            name = buffer[..Encoding.UTF8.GetChars(raw, buffer)];

        return name switch
        {
            "externalId" => PostedField.ExternalId,
            "source" => PostedField.Source,
            "employees" => PostedField.Employees,
            "annualRevenue" => PostedField.AnnualRevenue,
            "attributes" => PostedField.Attributes,
            _ => TextSlotOf(name),
        };
    }

    private static int TextSlotOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < TextFields.Length; i++)
        {
            if (name.SequenceEqual(TextFields[i]))
                return PostedField.FirstText + i;
        }

        return -1;
    }
}
