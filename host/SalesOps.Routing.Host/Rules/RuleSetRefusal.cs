using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Why the files on disk are not live: when they were refused, their content hash, and every problem found.</summary>
internal sealed record RuleSetRefusal(DateTimeOffset At, string Version, string Message, IReadOnlyList<RuleSetError> Errors);
