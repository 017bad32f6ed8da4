using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Compiles rule expressions with RulesEngine's own parser, once per rule set, into delegates that
/// run in nanoseconds. Only the lead, primitive types and <see cref="Fn"/> are reachable.
/// </summary>
internal static class ExpressionCompiler
{
    /// <summary>The parameter name expressions use for the lead.</summary>
    public const string LeadParameter = "lead";

    private static readonly ReSettings Settings = new()
    {
        CustomTypes = [typeof(LeadFacts), typeof(Fn)],
        IsExpressionCaseSensitive = false,
    };

    private static readonly RuleParameter[] Parameters = [RuleParameter.Create(LeadParameter, typeof(LeadFacts))];

    public static Func<object[], bool> Compile(string expression) =>
        new RuleExpressionParser(Settings).Compile<bool>(expression, Parameters);
}
