namespace SalesOps.Routing.Host.Storage;

/// <summary>The statements <see cref="DecisionHistory"/> issues, supplied per dialect.</summary>
internal sealed record DecisionHistoryStatements
{
    public required string SelectRotationBefore { get; init; }
    public required string SelectAccounts { get; init; }
    public required string SelectLeadsInWindow { get; init; }
}
