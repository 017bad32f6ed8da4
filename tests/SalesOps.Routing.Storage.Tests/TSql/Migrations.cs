using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Storage.Tests.TSql;

/// <summary>The migration scripts embedded in the host, as DbUp applies them: per dialect, in name order.</summary>
internal static class Migrations
{
    public static IReadOnlyList<SqlText> Of(string dialect)
    {
        var assembly = typeof(LeadStatements).Assembly;
        var prefix = $"{typeof(LeadStatements).Namespace}.Sql.{dialect}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new SqlText(name[prefix.Length..], reader.ReadToEnd());
            })];
    }
}
