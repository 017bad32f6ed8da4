namespace SalesOps.Routing.Host.Storage;

/// <summary>A rule-set version that was live at some time.</summary>
internal sealed record RuleVersionSummary(string Version, DateTimeOffset FirstActivatedAt, DateTimeOffset LastActivatedAt, int Activations);
