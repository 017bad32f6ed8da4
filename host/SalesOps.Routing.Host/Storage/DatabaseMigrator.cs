using DbUp.Builder;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Applies the embedded <c>Storage/Sql/{dialect}/*.sql</c> scripts that the database has not run yet, in name order.</summary>
internal static class DatabaseMigrator
{
    public static void Upgrade(UpgradeEngineBuilder builder, string dialect)
    {
        var prefix = $"{typeof(DatabaseMigrator).Namespace}.Sql.{dialect}.";
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed in {result.ErrorScript?.Name}: {result.Error?.Message}", result.Error);
    }
}
