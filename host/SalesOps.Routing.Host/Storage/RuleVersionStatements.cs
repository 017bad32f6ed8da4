namespace SalesOps.Routing.Host.Storage;

/// <summary>The statements <see cref="RuleVersionStore"/> issues, supplied per dialect.</summary>
internal sealed record RuleVersionStatements
{
    public required string InsertVersionIfNew { get; init; }
    public required string InsertActivation { get; init; }
    public required string SelectSummaries { get; init; }
    public required string SelectVersion { get; init; }
    public required string SelectActivations { get; init; }
}
