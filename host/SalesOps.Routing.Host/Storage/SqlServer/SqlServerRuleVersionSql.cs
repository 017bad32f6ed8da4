namespace SalesOps.Routing.Host.Storage.SqlServer;

internal static class SqlServerRuleVersionSql
{
    public static RuleVersionStatements Statements { get; } = new()
    {
        InsertVersionIfNew = """
            INSERT INTO dbo.rule_set_versions (version, first_activated_at, files)
            SELECT @Version, @ActivatedAt, @Files
            WHERE NOT EXISTS (SELECT 1 FROM dbo.rule_set_versions WITH (UPDLOCK, HOLDLOCK) WHERE version = @Version)
            """,
        InsertActivation = "INSERT INTO dbo.rule_set_activations (version, activated_at) VALUES (@Version, @ActivatedAt)",
        SelectSummaries = """
            SELECT v.version, v.first_activated_at AS FirstActivatedAt, MAX(a.activated_at) AS LastActivatedAt, COUNT(a.id) AS Activations
            FROM dbo.rule_set_versions v JOIN dbo.rule_set_activations a ON a.version = v.version
            GROUP BY v.version, v.first_activated_at
            ORDER BY MAX(a.id) DESC
            """,
        SelectVersion = "SELECT version, first_activated_at AS FirstActivatedAt, files FROM dbo.rule_set_versions WHERE version = @Version",
        SelectActivations = "SELECT activated_at FROM dbo.rule_set_activations WHERE version = @Version ORDER BY id",
    };
}
