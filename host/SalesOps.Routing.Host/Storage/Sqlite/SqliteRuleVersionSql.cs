namespace SalesOps.Routing.Host.Storage.Sqlite;

internal static class SqliteRuleVersionSql
{
    public static RuleVersionStatements Statements { get; } = new()
    {
        InsertVersionIfNew = """
            INSERT INTO rule_set_versions (version, first_activated_at, files) VALUES (@Version, @ActivatedAt, @Files)
            ON CONFLICT (version) DO NOTHING
            """,
        InsertActivation = "INSERT INTO rule_set_activations (version, activated_at) VALUES (@Version, @ActivatedAt)",
        SelectSummaries = """
            SELECT v.version, v.first_activated_at AS FirstActivatedAt, MAX(a.activated_at) AS LastActivatedAt, COUNT(a.id) AS Activations
            FROM rule_set_versions v JOIN rule_set_activations a ON a.version = v.version
            GROUP BY v.version, v.first_activated_at
            ORDER BY MAX(a.id) DESC
            """,
        SelectVersion = "SELECT version, first_activated_at AS FirstActivatedAt, files FROM rule_set_versions WHERE version = @Version",
        SelectActivations = "SELECT activated_at FROM rule_set_activations WHERE version = @Version ORDER BY id",
    };
}
