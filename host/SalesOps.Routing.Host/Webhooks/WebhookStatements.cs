namespace SalesOps.Routing.Host.Webhooks;

/// <summary>The statements the webhooks feature issues, supplied per dialect; parameters are always named and bound.</summary>
internal sealed record WebhookStatements
{
    public required string InsertEvent { get; init; }
    public required string SelectLeadKey { get; init; }
    public required string SelectUndispatched { get; init; }
    public required string MarkDispatched { get; init; }
    public required string InsertDelivery { get; init; }
    public required string SelectDueSubscriptions { get; init; }
    public required string ClaimDue { get; init; }
    public required string SelectClaimed { get; init; }
    public required string CompleteDelivery { get; init; }
    public required string ReleaseClaims { get; init; }
    public required string SelectDeliveries { get; init; }
    public required string SelectDelivery { get; init; }
    public required string RetryFailed { get; init; }
}
