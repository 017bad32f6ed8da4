using System.Reflection;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>
/// Finds, by reflection, every SQL text a dialect's code can issue: each string of each statements
/// record (<see cref="LeadStatements"/> and any later one) exposed by a static class of the dialect's
/// namespace or by a feature's <c>{Dialect}...Sql</c> class, and each string constant declared
/// there. A statement added tomorrow is found without touching the tests.
/// </summary>
internal static class DialectSql
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    private const BindingFlags AnyStatic = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Assembly Host = typeof(LeadStatements).Assembly;
    private static readonly string StorageNamespace = typeof(LeadStatements).Namespace!;

    /// <summary>The statements records of a dialect, by record type name, as property name → SQL.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> StatementSets(string dialect)
    {
        var sets = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var (owner, property) in StatementProperties(dialect))
        {
            var record = property.GetValue(null)!;
            var texts = property.PropertyType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.PropertyType == typeof(string))
                .ToDictionary(p => p.Name, p => (string?)p.GetValue(record), StringComparer.Ordinal);
            if (!sets.TryAdd(property.PropertyType.Name, texts))
                throw new InvalidOperationException($"{owner.Name} and another {dialect} class both supply {property.PropertyType.Name}.");
        }

        return sets;
    }

    /// <summary>Every SQL text of the dialect: the statements records' strings and the string constants.</summary>
    public static IEnumerable<SqlText> All(string dialect)
    {
        foreach (var (owner, property) in StatementProperties(dialect))
        {
            var record = property.GetValue(null)!;
            foreach (var statement in property.PropertyType.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.PropertyType == typeof(string)))
                yield return new SqlText($"{owner.Name}.{statement.Name}", (string?)statement.GetValue(record) ?? "");
        }

        foreach (var type in DialectTypes(dialect))
        {
            foreach (var constant in type.GetFields(AnyStatic).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                yield return new SqlText($"{type.Name}.{constant.Name}", (string)constant.GetRawConstantValue()!);
        }
    }

    private static IEnumerable<(Type Owner, PropertyInfo Property)> StatementProperties(string dialect) =>
        from type in DialectTypes(dialect)
        where type.IsAbstract && type.IsSealed
        from property in type.GetProperties(AnyStatic)
        where property.PropertyType.Name.EndsWith("Statements", StringComparison.Ordinal)
        select (type, property);

    private static IEnumerable<Type> DialectTypes(string dialect) =>
        Host.GetTypes().Where(t => !t.IsNested && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))
            && (t.Namespace == $"{StorageNamespace}.{dialect}" || (t.Name.StartsWith(dialect, StringComparison.Ordinal) && t.Name.EndsWith("Sql", StringComparison.Ordinal))));
}
