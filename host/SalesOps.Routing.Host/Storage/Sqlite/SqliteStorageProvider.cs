namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>The embedded database file: the default, for a first run and for small teams.</summary>
internal sealed class SqliteStorageProvider(SqliteConnectionFactory connections) : IStorageProvider
{
    public string Name => StorageProviders.Sqlite;

    public string Location => connections.DatabasePath;

    public IConnectionFactory Connections => connections;

    public LeadStatements LeadStatements => SqliteLeadSql.Statements;

    public OpsStatements OpsStatements => SqliteOpsSql.Statements;

    // One process owns the file and every writer waits its turn on busy_timeout: nothing to rerun.
    public StoreRetry Retry => StoreRetry.None;

    public Task InitializeAsync(MigrationMode mode, CancellationToken cancellationToken)
    {
        connections.Initialize(mode);
        return Task.CompletedTask;
    }
}
