namespace SalesOps.Routing.Engine.Rules;

/// <summary>Thrown when a rule set cannot be built; carries every error found, not just the first.</summary>
public sealed class RuleSetException(IReadOnlyList<RuleSetError> errors)
    : Exception("The rule set is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    /// <summary>All problems found.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; } = errors;
}
