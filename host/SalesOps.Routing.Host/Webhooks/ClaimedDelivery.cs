namespace SalesOps.Routing.Host.Webhooks;

/// <summary>A due delivery this host has claimed, with the event it carries.</summary>
internal sealed class ClaimedDelivery
{
    public long Id { get; init; }
    public string Subscription { get; init; } = "";
    public int Attempts { get; init; }
    public string EventId { get; init; } = "";
    public string EventType { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTimeOffset OccurredAt { get; init; }
}
