namespace SalesOps.Routing.Host.Sla;

/// <summary>The SLA events written to the outbox, as receivers see them in <c>event_type</c>.</summary>
internal static class SlaEventTypes
{
    public const string Warning = "sla.warning";
    public const string Breached = "sla.breached";
    public const string Reassigned = "sla.reassigned";
    public const string Escalated = "sla.escalated";
}
