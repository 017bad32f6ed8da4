using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Walks a parsed rule expression and refuses anything outside an allow-list. The expression parser
/// only resolves type names it was given, but members reached through a value are not limited that
/// way: <c>lead.GetType().Assembly</c> parses. Checking every node's type and every member's
/// declaring type closes that path, whatever the parser lets through.
/// </summary>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    public const string WhatIsAllowed =
        "Rule expressions may use the lead, text, numbers, dates and times, and the Fn helpers (Fn.Matches for regular expressions).";

    private static readonly FrozenSet<Type> Values = new[]
    {
        typeof(bool), typeof(char), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(string), typeof(object),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
        typeof(DayOfWeek), typeof(StringComparison), typeof(MidpointRounding), typeof(LeadFacts),
    }.ToFrozenSet();

    private static readonly FrozenSet<Type> Generics = new[]
    {
        typeof(Nullable<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(IReadOnlyCollection<>),
        typeof(IReadOnlyList<>), typeof(List<>), typeof(HashSet<>), typeof(IOrderedEnumerable<>),
        typeof(Func<,>), typeof(Func<,,>), typeof(Predicate<>),
    }.ToFrozenSet();

    // Types whose static members expressions may call, beside the value types above.
    private static readonly FrozenSet<Type> Helpers = new[] { typeof(Fn), typeof(Math), typeof(Enumerable) }.ToFrozenSet();

    private static readonly FrozenSet<string> ObjectMembers = new[] { nameof(Equals), nameof(ToString), nameof(GetHashCode) }.ToFrozenSet();

    // Members a rule expression may not name, by declaring type and member name. These are refusals,
    // not reads: the engine takes the decision instant as an argument and never reads a clock.
    private static readonly FrozenDictionary<(Type Owner, string Member), string> Refused = new Dictionary<(Type, string), string>
    {
        [(typeof(DateTime), "Now")] = ClockReason,
        [(typeof(DateTime), "UtcNow")] = ClockReason,
        [(typeof(DateTime), "Today")] = ClockReason,
        [(typeof(DateTimeOffset), "Now")] = ClockReason,
        [(typeof(DateTimeOffset), "UtcNow")] = ClockReason,
        [(typeof(Enumerable), nameof(Enumerable.Range))] = SizeReason,
        [(typeof(Enumerable), nameof(Enumerable.Repeat))] = SizeReason,
        [(typeof(string), nameof(string.PadLeft))] = SizeReason,
        [(typeof(string), nameof(string.PadRight))] = SizeReason,
        [(typeof(string), ConstructorInfo.ConstructorName)] = SizeReason,
    }.ToFrozenDictionary();

    private const string ClockReason = "it reads the clock, and a rule must decide the same way every time it sees the same lead";
    private const string SizeReason = "it can build text or lists of any size";

    private ExpressionGuard()
    {
    }

    /// <summary>Throws <see cref="UnsafeExpressionException"/> naming the first thing in the tree that is not allowed.</summary>
    public static void Check(Expression expression) => new ExpressionGuard().Visit(expression);

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
            return null;
        if (node.NodeType is ExpressionType.Invoke or ExpressionType.Dynamic or ExpressionType.Extension or ExpressionType.Block
            or ExpressionType.Assign or ExpressionType.Loop or ExpressionType.Goto or ExpressionType.Try or ExpressionType.Quote
            or ExpressionType.RuntimeVariables)
            throw Refuse($"the construct '{node.NodeType}'", "it is not part of the rule expression language");

        // Children first, so the message names the first step out (lead.GetType()) rather than the last (.Assembly.FullName).
        var visited = base.Visit(node);
        if (!IsAllowedType(node.Type))
            throw Refuse($"a value of type {node.Type}", ReasonFor(node.Type));
        return visited;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var result = base.VisitMethodCall(node);
        CheckMember(node.Method);
        CheckPattern(node);
        foreach (var argument in node.Method.GetGenericArguments().Where(a => !IsAllowedType(a)))
            throw Refuse($"{Name(node.Method)}<{argument}>", ReasonFor(argument));
        return result;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        var result = base.VisitMember(node);
        CheckMember(node.Member);
        return result;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        var result = base.VisitNew(node);
        if (node.Constructor is { } constructor)
            CheckMember(constructor);
        return result;
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        var result = base.VisitTypeBinary(node);
        if (!IsAllowedType(node.TypeOperand))
            throw Refuse($"a type test for {node.TypeOperand}", ReasonFor(node.TypeOperand));
        return result;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is not null && !IsAllowedType(node.Value.GetType()))
            throw Refuse($"a constant of type {node.Value.GetType()}", ReasonFor(node.Value.GetType()));
        return base.VisitConstant(node);
    }

    // A pattern written in the rule file is compiled now, so one the engine cannot run is refused on
    // load with its rule's position, not found out lead by lead.
    private static void CheckPattern(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Fn) || node.Method.Name != nameof(Fn.Matches) || node.Arguments[1] is not ConstantExpression { Value: string pattern })
            return;
        try
        {
            Fn.Pattern(pattern);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new UnsafeExpressionException($"the pattern \"{pattern}\" cannot be used: {ex.Message} Patterns run in linear time, so backreferences, lookarounds and atomic groups are not available.");
        }
    }

    private static void CheckMember(MemberInfo member)
    {
        var owner = member.DeclaringType ?? typeof(object);
        if (Refused.TryGetValue((owner, member.Name), out var reason))
            throw Refuse(Name(member), reason);

        var allowed = owner == typeof(object)
            ? ObjectMembers.Contains(member.Name)
            : Helpers.Contains(owner) || IsAllowedType(owner);
        if (!allowed)
            throw Refuse(Name(member), member.Name == nameof(GetType) ? "it is reflection" : ReasonFor(owner));
    }

    private static bool IsAllowedType(Type type)
    {
        if (type == typeof(void) || Values.Contains(type))
            return true;
        if (type.IsArray)
            return type.GetArrayRank() == 1 && IsAllowedType(type.GetElementType()!);
        return type.IsConstructedGenericType && Generics.Contains(type.GetGenericTypeDefinition())
            && type.GenericTypeArguments.All(IsAllowedType);
    }

    private static string ReasonFor(Type type)
    {
        var name = type.FullName ?? type.Name;
        if (typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || name.StartsWith("System.Reflection.", StringComparison.Ordinal)
            || type == typeof(Activator) || type == typeof(AppDomain))
            return "it is reflection";
        if (name.StartsWith("System.IO.", StringComparison.Ordinal))
            return "it touches files";
        if (name.StartsWith("System.Diagnostics.", StringComparison.Ordinal))
            return "it reaches other processes";
        if (type == typeof(Environment))
            return "it reads the process environment";
        return "it is not on the list of what rule expressions may use";
    }

    private static string Name(MemberInfo member) => $"{member.DeclaringType?.Name}.{member.Name}";

    private static UnsafeExpressionException Refuse(string what, string reason) =>
        new($"'{what}' is not allowed: {reason}. {WhatIsAllowed}");
}
