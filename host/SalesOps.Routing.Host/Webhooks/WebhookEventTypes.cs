using SalesOps.Routing.Host.Sla;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>Every event type the outbox carries, as receivers see it in the body and in <c>X-SalesOps-Event-Type</c>.</summary>
internal static class WebhookEventTypes
{
    public const string LeadAssigned = "lead.assigned";
    public const string LeadReassigned = "lead.reassigned";

    public static IReadOnlyList<string> All { get; } =
        [LeadAssigned, LeadReassigned, SlaEventTypes.Warning, SlaEventTypes.Breached, SlaEventTypes.Reassigned, SlaEventTypes.Escalated];
}
