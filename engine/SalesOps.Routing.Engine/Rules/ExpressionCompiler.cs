using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Parser;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using FastExpressionCompiler;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Compiles rule expressions once per rule set into delegates that run in nanoseconds. Parsing uses
/// RulesEngine's own expression language (System.Linq.Dynamic.Core with RulesEngine's type provider
/// and the settings RulesEngine's RuleExpressionParser applies), so a rule means here what it means
/// in any RulesEngine tool. The parsed tree is checked by <see cref="ExpressionGuard"/> before it
/// is compiled, so only the lead, text, numbers, dates and <see cref="Fn"/> are reachable.
/// </summary>
internal static partial class ExpressionCompiler
{
    /// <summary>The parameter name expressions use for the lead.</summary>
    public const string LeadParameter = "lead";

    // RulesEngine's RuleExpressionParser builds this configuration (and scans the loaded assemblies
    // for types) on every call; built once, a rule set compiles in milliseconds rather than seconds.
    private static readonly ParsingConfig Config = new()
    {
        CustomTypeProvider = new RulesEngine.CustomTypeProvider([typeof(LeadFacts), typeof(Fn)]),
        IsCaseSensitive = false,
    };

    // The configuration fills caches lazily and does not promise that is safe from several threads;
    // rule sets are built rarely, so parsing one expression at a time costs nothing that matters.
    private static readonly Lock ParseLock = new();

    private static readonly ParameterExpression Lead = Expression.Parameter(typeof(LeadFacts), LeadParameter);

    /// <summary>Parses and checks an expression; throws <see cref="UnsafeExpressionException"/> for anything not allowed.</summary>
    public static Expression Parse(string expression)
    {
        Expression body;
        try
        {
            lock (ParseLock)
                body = new ExpressionParser([Lead], expression, [], Config).Parse(typeof(bool));
        }
        catch (ParseException ex) when (NotAvailable(ex.Message) is { } what)
        {
            throw new UnsafeExpressionException($"'{what}' is not available to rule expressions. {ExpressionGuard.WhatIsAllowed}");
        }

        ExpressionGuard.Check(body);
        return body;
    }

    /// <summary>Parses, checks and compiles an expression into a predicate over the RulesEngine-style argument array (the lead first).</summary>
    /// <param name="expression">The rule expression.</param>
    /// <param name="condition">The parsed and checked condition, for analyses such as <see cref="RuleGuard"/>.</param>
    public static Func<object[], bool> Compile(string expression, out Expression condition)
    {
        condition = Parse(expression);

        // The compiler RulesEngine itself uses; it falls back to Expression.Compile for anything it cannot handle.
        var predicate = Expression.Lambda<Func<LeadFacts, bool>>(condition, Lead).CompileFast();
        return arguments => predicate((LeadFacts)arguments[0]);
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
