namespace SalesOps.Routing.Engine.Rules;

/// <summary>One problem in a rule set, pointing at the file, line and column where it is.</summary>
/// <param name="File">File name within the rule folder.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Message">What is wrong, in words an ops person can act on.</param>
public sealed record RuleSetError(string File, int? Line, int? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line is null
        ? $"{File}: {Message}"
        : $"{File}:{Line}:{Column ?? 1}: {Message}";
}
