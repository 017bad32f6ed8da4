namespace SalesOps.Routing.Host.Storage.SqlServer;

/// <summary>
/// Snapshot isolation, which the reads behind one answer need to agree with each other. It is a
/// database option, not a schema change: ALTER DATABASE cannot run inside the transaction each
/// migration runs in, so the provider sets it on its own after the migrations.
/// </summary>
internal static class SqlServerSnapshotSql
{
    // 1 is ON; 3 (on its way to ON) still waits for transactions begun before the change.
    public const string IsAllowed = "SELECT CAST(CASE WHEN snapshot_isolation_state = 1 THEN 1 ELSE 0 END AS bit) FROM sys.databases WHERE database_id = DB_ID();";

    public const string Allow = "ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;";
}
