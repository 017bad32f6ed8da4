namespace SalesOps.Routing.Host.Storage;

/// <summary>A stored account key and its owner.</summary>
internal sealed class AccountRow
{
    public string MatchKey { get; init; } = "";
    public string Name { get; init; } = "";
    public string OwnerRepId { get; init; } = "";
    public string Origin { get; init; } = "";
}
