using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// One copy of a template lead: every id the template's rows hold is replaced by a new one (made as
/// the host makes ids: version-7 GUIDs of the row's own instant), every instant is shifted by the
/// same amount, and the lead gets its own external id and e-mail, in the columns and in the payload.
/// </summary>
internal sealed partial class LeadCopy
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly TimeSpan _shift;
    private readonly int _number;

    public LeadCopy(TemplateLead template, int number, TimeSpan shift)
    {
        _shift = shift;
        _number = number;
        var lead = template.Rows["leads"].Single();
        _ids[template.LeadId] = NewId(lead["received_at"]);
        foreach (var timer in template.Rows["sla_timers"])
            _ids[(string)timer["id"]!] = NewId(timer["started_at"]);
        foreach (var item in template.Rows.GetValueOrDefault("outbox_events") ?? [])
            _ids[(string)item["event_id"]!] = NewId(item["occurred_at"]);
        TimerId = _ids[(string)template.Rows["sla_timers"].Single()["id"]!];
    }

    /// <summary>The copy's first-touch clock.</summary>
    public string TimerId { get; }

    public Dictionary<string, object?> Rewrite(string table, IReadOnlyDictionary<string, object?> row)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (column, value) in row)
        {
            copy[column] = value switch
            {
                string text when _ids.TryGetValue(text, out var id) => id,
                string text when column.EndsWith("_at", StringComparison.Ordinal) => Shift(SeedTable.ParseInstant(text)),
                _ => value,
            };
        }

        if (table == "leads")
            RewriteLead(copy);
        else if (table == "outbox_events" && copy["payload"] is string payload)
            copy["payload"] = RewriteJson(JsonNode.Parse(payload))!.ToJsonString();
        return copy;
    }

    private void RewriteLead(Dictionary<string, object?> lead)
    {
        var payload = (string)lead["payload"]!;
        var externalId = (string)lead["external_id"]!;
        var copyId = string.Create(CultureInfo.InvariantCulture, $"{externalId}-storm-{_number}");
        lead["external_id"] = copyId;
        payload = payload.Replace(Quoted(externalId), Quoted(copyId), StringComparison.Ordinal);
        if (lead["email"] is string email && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0)
        {
            var copyEmail = string.Create(CultureInfo.InvariantCulture, $"{email[..at]}+storm{_number}{email[at..]}");
            lead["email"] = copyEmail;
            payload = payload.Replace(Quoted(email), Quoted(copyEmail), StringComparison.Ordinal);
        }

        lead["payload"] = payload;
    }

    // An event's payload repeats the ids and instants of its row; the copy's payload names the copy's.
    private JsonNode? RewriteJson(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                    obj[name] = RewriteJson(child?.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    array[i] = RewriteJson(array[i]?.DeepClone());
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (_ids.TryGetValue(text, out var id))
                    return JsonValue.Create(id);
                return IsoInstant().IsMatch(text) ? JsonValue.Create(Shift(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture))) : value;
            default:
                return node;
        }
    }

    private DateTimeOffset Shift(DateTimeOffset instant) => (instant + _shift).ToUniversalTime();

    private string NewId(object? instant) => Guid.CreateVersion7(Shift(SeedTable.ParseInstant((string)instant!))).ToString();

    private static string Quoted(string text) => JsonSerializer.Serialize(text);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")]
    private static partial Regex IsoInstant();
}
