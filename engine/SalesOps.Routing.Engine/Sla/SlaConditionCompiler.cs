using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// Compiles policy conditions with RulesEngine's parser, as the workflow rules are compiled, with one
/// more parameter: <c>team</c>, the id of the team routing chose (empty when none).
/// </summary>
internal static class SlaConditionCompiler
{
    public const string TeamParameter = "team";

    private static readonly ReSettings Settings = new()
    {
        CustomTypes = [typeof(LeadFacts), typeof(Fn)],
        IsExpressionCaseSensitive = false,
    };

    private static readonly RuleParameter[] Parameters =
    [
        RuleParameter.Create(ExpressionCompiler.LeadParameter, typeof(LeadFacts)),
        RuleParameter.Create(TeamParameter, typeof(string)),
    ];

    public static Func<object[], bool> Compile(string expression) =>
        new RuleExpressionParser(Settings).Compile<bool>(expression, Parameters);

    public static object[] Arguments(LeadFacts lead, string? teamId) => [lead, teamId ?? ""];
}
