namespace SalesOps.Routing.Engine.Rules;

/// <summary>A rule expression compiled once into a delegate over the lead.</summary>
/// <param name="Name">The rule's name in its workflow file.</param>
/// <param name="Expression">The expression text, kept for traces and dry runs.</param>
/// <param name="Predicate">Compiled expression; takes the RulesEngine parameter array.</param>
public sealed record CompiledRule(string Name, string Expression, Func<object[], bool> Predicate)
{
    /// <summary>The condition's first test, when it is one an index can use to skip the rule.</summary>
    internal RuleGuard? Guard { get; init; }
}
