namespace SalesOps.Routing.Host.Storage;

/// <summary>A stored lead as a move reads it: its raw payload, status and current owner.</summary>
internal sealed class StoredLeadRow
{
    public string Id { get; init; } = "";
    public string Payload { get; init; } = "";
    public string Status { get; init; } = "";
    public string? TeamId { get; init; }
    public string? RepId { get; init; }
}
