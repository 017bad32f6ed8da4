namespace SalesOps.Routing.Host.Storage;

/// <summary>Keeps every rule-set version that went live, with its files. One implementation per SQL dialect.</summary>
internal interface IRuleVersionStore
{
    /// <summary>Stores the version's files (once) and records that it became live at <paramref name="activatedAt"/>.</summary>
    Task RecordActivationAsync(string version, IReadOnlyDictionary<string, string> files, DateTimeOffset activatedAt, CancellationToken cancellationToken);

    /// <summary>Every stored version, most recently activated first.</summary>
    Task<IReadOnlyList<RuleVersionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One version with its files and activations, or null when it was never live.</summary>
    Task<RuleVersionRecord?> GetAsync(string version, CancellationToken cancellationToken);
}
