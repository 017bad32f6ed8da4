using System.Linq.Expressions;
using System.Reflection;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// What a rule's condition tests first: one lead text field against a few constant values. When the
/// lead's value is none of them (ignoring case), the condition is false before anything else in it
/// runs, so a rule index may skip the rule without changing a decision or a trace.
/// <para>
/// Read from the first test of the condition: <c>lead.Field == "x"</c>, <c>Fn.In(lead.Field, ...)</c>,
/// <c>new[] {...}.Contains(lead.Field)</c>, the same joined by <c>||</c> on one field, or any of
/// these on the left of <c>&amp;&amp;</c>. A test further right is not a guard: what runs before it
/// may throw, and that error belongs in the lead's trace.
/// </para>
/// </summary>
/// <param name="Field">The lead property tested.</param>
/// <param name="Values">The values that can pass the test; compared ignoring case, a superset of what passes.</param>
internal sealed record RuleGuard(PropertyInfo Field, IReadOnlySet<string> Values)
{
    /// <summary>The guard of a parsed condition, or null when its first test is something else.</summary>
    public static RuleGuard? Of(Expression condition) => condition switch
    {
        BinaryExpression { NodeType: ExpressionType.AndAlso } and => Of(and.Left),
        BinaryExpression { NodeType: ExpressionType.OrElse } or => Union(Of(or.Left), Of(or.Right)),
        BinaryExpression { NodeType: ExpressionType.Equal } equal when equal.Method == StringEquality =>
            Guard(FieldOf(equal.Left) ?? FieldOf(equal.Right), ConstantOf(equal.Right) ?? ConstantOf(equal.Left)),
        MethodCallExpression { Arguments.Count: 2 } call when call.Method.DeclaringType == typeof(Fn) && call.Method.Name == nameof(Fn.In) =>
            Guard(FieldOf(call.Arguments[0]), ValuesOf(call.Arguments[1])),
        MethodCallExpression { Arguments.Count: 2 } call when call.Method.DeclaringType == typeof(Enumerable) && call.Method.Name == nameof(Enumerable.Contains) =>
            Guard(FieldOf(call.Arguments[1]), ValuesOf(call.Arguments[0])),
        _ => null,
    };

    private static readonly MethodInfo StringEquality = typeof(string).GetMethod("op_Equality", [typeof(string), typeof(string)])!;

    private static RuleGuard? Guard(PropertyInfo? field, string[]? values) =>
        field is null || values is null ? null : new RuleGuard(field, new HashSet<string>(values, StringComparer.OrdinalIgnoreCase));

    private static RuleGuard? Guard(PropertyInfo? field, string? value) => Guard(field, value is null ? null : [value]);

    private static RuleGuard? Union(RuleGuard? left, RuleGuard? right) =>
        left is not null && right is not null && left.Field == right.Field
            ? new RuleGuard(left.Field, new HashSet<string>(left.Values.Concat(right.Values), StringComparer.OrdinalIgnoreCase))
            : null;

    // Reading a lead property cannot throw; a call or a conversion in between might, so only a plain read counts.
    private static PropertyInfo? FieldOf(Expression node) =>
        node is MemberExpression { Expression: ParameterExpression { Type: var type }, Member: PropertyInfo { PropertyType: var propertyType } property }
        && type == typeof(LeadFacts) && propertyType == typeof(string)
            ? property
            : null;

    private static string? ConstantOf(Expression node) => node is ConstantExpression { Value: string value } ? value : null;

    private static string[]? ValuesOf(Expression node)
    {
        if (node is not NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array)
            return null;
        var values = array.Expressions.Select(ConstantOf).OfType<string>().ToArray();
        return values.Length == array.Expressions.Count ? values : null;
    }
}
