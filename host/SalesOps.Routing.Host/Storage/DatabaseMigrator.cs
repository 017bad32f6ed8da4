using DbUp.Builder;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Applies the embedded <c>Storage/Sql/{dialect}/*.sql</c> scripts that the database has not run yet, in name order.</summary>
internal static class DatabaseMigrator
{
    public static void Run(UpgradeEngineBuilder builder, string dialect, MigrationMode mode)
    {
        var prefix = $"{typeof(DatabaseMigrator).Namespace}.Sql.{dialect}.";
        var engine = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        if (mode == MigrationMode.Verify)
        {
            var pending = engine.GetScriptsToExecute();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s): {string.Join(", ", pending.Select(s => s.Name[prefix.Length..]))}. " +
                    "Apply them with Storage:Migrations=ApplyAndExit under an account that may change the schema, then start again.");
            }

            return;
        }

        var result = engine.PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Database migration failed in {result.ErrorScript?.Name}: {result.Error?.Message}", result.Error);
    }
}
