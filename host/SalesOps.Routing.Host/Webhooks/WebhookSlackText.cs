using System.Globalization;
using System.Text.Json;
using SalesOps.Routing.Host.Logging;
using SalesOps.Routing.Host.Sla;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// A one-line message for a Slack incoming webhook. It is built from ids only (lead, rep, team) and
/// then masked for e-mail- and phone-like text anyway: a channel has many readers, and an ops reason
/// is free text.
/// </summary>
internal static class WebhookSlackText
{
    public static string For(string eventType, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var e = document.RootElement;
        var details = e.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var lead = Text(e, "leadId");
        var text = eventType switch
        {
            WebhookEventTypes.LeadAssigned =>
                $"Lead {lead} assigned to {Text(e, "repName", Text(e, "repId"))} ({Text(e, "teamId")}), score {Text(e, "score")}.",
            WebhookEventTypes.LeadReassigned =>
                $"Lead {lead} moved from {Text(e, "fromRepId")} to {Text(e, "toRepId", "the team queue")}: {Text(e, "reason")}.",
            SlaEventTypes.Warning =>
                $":warning: SLA at risk: lead {lead} ({Text(e, "kind")}) owned by {Text(e, "repId")} ({Text(e, "teamId")}) is due at {Instant(e, "dueAt")}.",
            SlaEventTypes.Breached =>
                $":rotating_light: SLA breached: lead {lead} ({Text(e, "kind")}) owned by {Text(e, "repId")} ({Text(e, "teamId")}) was due at {Instant(e, "dueAt")}.",
            SlaEventTypes.Reassigned =>
                $":arrows_counterclockwise: Lead {lead} moved from {Text(details, "fromRepId")} to {Text(details, "toRepId")}: {Text(details, "reason")}.",
            SlaEventTypes.Escalated =>
                $":mega: SLA escalation: lead {lead} ({Text(e, "teamId")}) escalated to {Text(details, "escalatedTo")}.",
            _ => $"{eventType}: lead {lead}.",
        };
        return Escape(SensitiveDataMasker.MaskText(text));
    }

    private static string Text(JsonElement element, string name, string fallback = "nobody") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : fallback;

    private static string Instant(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetDateTimeOffset(out var instant)
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "an unknown time";

    // Slack reads &, < and > as markup (links, mentions); plain text must escape them.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
