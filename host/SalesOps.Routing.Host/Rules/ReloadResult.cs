using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>What a reload did, and the errors when it refused the files.</summary>
internal sealed record ReloadResult(ReloadOutcome Outcome, string Version, IReadOnlyList<RuleSetError> Errors);
