namespace SalesOps.Routing.Host.Storage;

/// <summary>A stored rule-set version: when it was live and the exact files it was built from.</summary>
internal sealed record RuleVersionRecord(
    string Version,
    DateTimeOffset FirstActivatedAt,
    IReadOnlyList<DateTimeOffset> ActivatedAt,
    IReadOnlyDictionary<string, string> Files);
