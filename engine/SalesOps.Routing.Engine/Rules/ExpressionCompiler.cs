using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Compiles rule expressions with RulesEngine's own parser, once per rule set, into delegates that
/// run in nanoseconds. Before compiling, the parsed expression tree is checked by
/// <see cref="ExpressionGuard"/>, so only the lead, text, numbers, dates and <see cref="Fn"/> are reachable.
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>The parameter name expressions use for the lead.</summary>
    public const string LeadParameter = "lead";

    private static readonly ReSettings Settings = new()
    {
        CustomTypes = [typeof(LeadFacts), typeof(Fn)],
        IsExpressionCaseSensitive = false,
    };

    private static readonly RuleParameter[] Parameters = [RuleParameter.Create(LeadParameter, typeof(LeadFacts))];

    private static readonly ParameterExpression[] TreeParameters = [Expression.Parameter(typeof(LeadFacts), LeadParameter)];

    /// <summary>Parses and checks an expression; throws <see cref="UnsafeExpressionException"/> for anything not allowed.</summary>
    public static Expression Parse(string expression)
    {
        Expression body;
        try
        {
            body = new RuleExpressionParser(Settings).Parse(expression, TreeParameters, typeof(bool));
        }
        catch (ParseException ex) when (NotAvailable(ex.Message) is { } what)
        {
            throw new UnsafeExpressionException($"'{what}' is not available to rule expressions. {ExpressionGuard.WhatIsAllowed}");
        }

        ExpressionGuard.Check(body);
        return body;
    }

    public static Func<object[], bool> Compile(string expression)
    {
        Parse(expression);
        return new RuleExpressionParser(Settings).Compile<bool>(expression, Parameters);
    }

    // The parser already refuses types it was not given; its words for that are made plain here.
    private static string? NotAvailable(string message)
    {
        var match = NotFoundPattern().Match(message);
        if (match.Success)
            return match.Groups["type"].Value;
        match = NotAccessiblePattern().Match(message);
        return match.Success ? $"{match.Groups["type"].Value}.{match.Groups["member"].Value}" : null;
    }

    [GeneratedRegex("^Type '(?<type>[^']+)' not found")]
    private static partial Regex NotFoundPattern();

    [GeneratedRegex("^Method '(?<member>[^']+)' on type '(?<type>[^']+)' is not accessible")]
    private static partial Regex NotAccessiblePattern();
}
