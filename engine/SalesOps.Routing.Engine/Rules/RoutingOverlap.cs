using System.Linq.Expressions;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Finds routing rules that send the same leads to different teams at the same priority, where
/// only their order in the file decides, which nobody editing the file sees.
/// <para>
/// What it can prove: a rule's condition is read as a claim on one lead field when it is
/// <c>Fn.In(lead.Field, ...)</c>, <c>lead.Field == "x"</c>, <c>lead.Field in (...)</c> or
/// <c>new[] {...}.Contains(lead.Field)</c>, combined with <c>||</c> (union) or <c>&amp;&amp;</c>
/// with other conditions (a narrower claim). Two rules overlap when their values for the same
/// field intersect and at least one of them is nothing but that claim, or when their conditions
/// are the same text. Two rules that both add other conditions (size, industry) are not compared:
/// whether those exclude each other is beyond this check.
/// </para>
/// </summary>
internal static class RoutingOverlap
{
    private sealed record Claim(string Field, HashSet<string> Values, bool Exact);

    public static void Check(IReadOnlyList<RoutingRule> rules, string content, List<RuleSetError> errors)
    {
        var positions = JsonPositions.IndexValues(content, "RuleName");
        var claims = rules.Select(r => ClaimOf(r.Rule.Expression)).ToList();
        for (var later = 1; later < rules.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (rules[earlier], rules[later]);
                if (a.Priority != b.Priority || string.Equals(a.TeamId, b.TeamId, StringComparison.OrdinalIgnoreCase))
                    continue;
                var shared = Overlap(a, claims[earlier], b, claims[later]);
                if (shared is null)
                    continue;
                var (line, column) = positions.GetValueOrDefault(b.Rule.Name, (1, 1));
                var (earlierLine, _) = positions.GetValueOrDefault(a.Rule.Name, (1, 1));
                errors.Add(new RuleSetError(RuleFiles.Routing, line, column,
                    $"rule '{b.Rule.Name}' (team {b.TeamId}) and rule '{a.Rule.Name}' on line {earlierLine} (team {a.TeamId}) both claim {shared} " +
                    $"at priority {b.Priority}, so only their order in the file decides; give one of them a higher \"priority\" or remove the overlap"));
                break;
            }
        }
    }

    private static string? Overlap(RoutingRule a, Claim? claimA, RoutingRule b, Claim? claimB)
    {
        if (string.Equals(Normalize(a.Rule.Expression), Normalize(b.Rule.Expression), StringComparison.OrdinalIgnoreCase))
            return "every lead that matches their identical condition";
        if (claimA is null || claimB is null || claimA.Field != claimB.Field || !(claimA.Exact || claimB.Exact))
            return null;
        var shared = claimA.Values.Intersect(claimB.Values, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return shared.Count == 0 ? null : $"leads with {claimA.Field} {string.Join(", ", shared)}";
    }

    private static string Normalize(string expression) => string.Concat(expression.Where(c => !char.IsWhiteSpace(c)));

    private static Claim? ClaimOf(string expression)
    {
        try
        {
            return ClaimOf(ExpressionCompiler.Parse(expression));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static Claim? ClaimOf(Expression node) => node switch
    {
        MethodCallExpression { Method.Name: nameof(Fn.In) } call when call.Method.DeclaringType == typeof(Fn) && call.Arguments.Count == 2 =>
            FieldOf(call.Arguments[0]) is { } field && ValuesOf(call.Arguments[1]) is { } values ? new Claim(field, values, true) : null,
        MethodCallExpression { Method.Name: nameof(Enumerable.Contains) } call when call.Method.DeclaringType == typeof(Enumerable) && call.Arguments.Count == 2 =>
            FieldOf(call.Arguments[1]) is { } field && ValuesOf(call.Arguments[0]) is { } values ? new Claim(field, values, true) : null,
        BinaryExpression { NodeType: ExpressionType.Equal } equal =>
            (FieldOf(equal.Left) ?? FieldOf(equal.Right)) is { } field && (ConstantOf(equal.Right) ?? ConstantOf(equal.Left)) is { } value
                ? new Claim(field, new HashSet<string>([value], StringComparer.OrdinalIgnoreCase), true)
                : null,
        BinaryExpression { NodeType: ExpressionType.OrElse } or => Union(ClaimOf(or.Left), ClaimOf(or.Right)),
        BinaryExpression { NodeType: ExpressionType.AndAlso } and => Narrow(ClaimOf(and.Left), ClaimOf(and.Right)),
        _ => null,
    };

    private static Claim? Union(Claim? left, Claim? right) =>
        left is not null && right is not null && left.Field == right.Field
            ? new Claim(left.Field, new HashSet<string>(left.Values.Union(right.Values), StringComparer.OrdinalIgnoreCase), left.Exact && right.Exact)
            : null;

    // Either side alone bounds the leads the rule can match; the other side makes it narrower, so not exact.
    private static Claim? Narrow(Claim? left, Claim? right)
    {
        if (left is not null && right is not null && left.Field == right.Field)
            return new Claim(left.Field, new HashSet<string>(left.Values.Intersect(right.Values), StringComparer.OrdinalIgnoreCase), false);
        var either = left ?? right;
        return either is null ? null : either with { Exact = false };
    }

    private static string? FieldOf(Expression node) => node switch
    {
        UnaryExpression { NodeType: ExpressionType.Convert } convert => FieldOf(convert.Operand),
        MemberExpression { Expression: ParameterExpression parameter, Member: var member } when parameter.Type == typeof(LeadFacts) && node.Type == typeof(string) =>
            member.Name,
        _ => null,
    };

    private static string? ConstantOf(Expression node) => node is ConstantExpression { Value: string value } ? value : null;

    private static HashSet<string>? ValuesOf(Expression node)
    {
        if (node is not NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array)
            return null;
        var values = array.Expressions.Select(ConstantOf).ToList();
        return values.Any(v => v is null) ? null : new HashSet<string>(values!, StringComparer.OrdinalIgnoreCase);
    }
}
