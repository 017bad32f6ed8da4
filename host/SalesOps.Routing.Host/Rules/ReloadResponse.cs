namespace SalesOps.Routing.Host.Rules;

/// <summary>What a forced reload did: "activated" a new version or found the files "unchanged".</summary>
internal sealed record ReloadResponse(string Outcome, string Version, RuleSetStatus Status);
