using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

/// <summary>The live version and every version that was ever live, most recently activated first.</summary>
internal sealed record RuleVersionsResponse(string? Active, IReadOnlyList<RuleVersionSummary> Versions);
