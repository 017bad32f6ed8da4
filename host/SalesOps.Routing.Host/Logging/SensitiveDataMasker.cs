using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace SalesOps.Routing.Host.Logging;

/// <summary>
/// The last enricher before any sink: replaces the values of properties whose name says they hold
/// personal data or secrets, and masks e-mail- and phone-like text in every other string property,
/// at any depth of a destructured object. Names cannot be recognised by their text, so they are
/// masked by property name only; code must not put lead data into message text or exceptions.
/// </summary>
internal sealed partial class SensitiveDataMasker : ILogEventEnricher
{
    public const string Mask = "***";

    private static readonly HashSet<string> SensitiveNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "email", "phone", "mobile", "firstname", "lastname", "apikey", "xapikey", "authorization",
        "password", "secret", "token", "keysha256", "cookie",
    };

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = MaskValue(name, value);
            if (!ReferenceEquals(masked, value))
                (changed ??= []).Add(new LogEventProperty(name, masked));
        }

        changed?.ForEach(logEvent.AddOrUpdateProperty);
    }

    /// <summary>Masks e-mail addresses and phone numbers in free text.</summary>
    public static string MaskText(string text)
    {
        var masked = EmailPattern().Replace(text, Mask);
        return PhonePattern().Replace(masked, Mask);
    }

    public static bool IsSensitiveName(string name) =>
        SensitiveNames.Contains(name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal));

    private static LogEventPropertyValue MaskValue(string? name, LogEventPropertyValue value)
    {
        if (name is not null && IsSensitiveName(name))
            return value is ScalarValue { Value: null } ? value : new ScalarValue(Mask);
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = MaskText(text);
                return masked == text ? value : new ScalarValue(masked);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(e => MaskValue(null, e)).ToArray();
                return elements.SequenceEqual(sequence.Elements) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => new { p, Masked = MaskValue(p.Name, p.Value) }).ToArray();
                return properties.All(x => ReferenceEquals(x.Masked, x.p.Value))
                    ? value
                    : new StructureValue(properties.Select(x => new LogEventProperty(x.p.Name, x.Masked)), structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements
                    .Select(e => KeyValuePair.Create(e.Key, MaskValue(e.Key.Value as string, e.Value))).ToArray();
                return entries.All(e => ReferenceEquals(e.Value, dictionary.Elements[e.Key]))
                    ? value
                    : new DictionaryValue(entries);
            default:
                return value;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // Eight or more digits with phone separators, not inside an identifier (GUIDs, lead ids) and not an ISO date.
    [GeneratedRegex(@"(?<![\w\-])(?!\d{4}-\d{2}-\d{2})\+?\d(?:[ ()/\-]*\d){7,}(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
