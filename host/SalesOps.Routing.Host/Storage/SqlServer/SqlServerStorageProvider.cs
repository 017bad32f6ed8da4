using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using Polly;

namespace SalesOps.Routing.Host.Storage.SqlServer;

/// <summary>SQL Server: the production store, shared by every host of the service.</summary>
internal sealed class SqlServerStorageProvider(SqlServerConnectionFactory connections, bool createDatabase, ResiliencePipeline retry, ILogger logger)
    : IStorageProvider
{
    public string Name => StorageProviders.SqlServer;

    public string Location => $"server {connections.Server}, database {connections.Database}";

    public IConnectionFactory Connections => connections;

    public LeadStatements LeadStatements => SqlServerLeadSql.Statements;

    public OpsStatements OpsStatements => SqlServerOpsSql.Statements;

    public StoreRetry Retry { get; } = new(retry);

    public async Task InitializeAsync(MigrationMode mode, CancellationToken cancellationToken)
    {
        var log = new MicrosoftUpgradeLog(logger);
        try
        {
            if (createDatabase && mode != MigrationMode.Verify)
                await retry.ExecuteAsync(_ => ValueTask.FromResult(EnsureDatabase.For.SqlDatabase(connections.ConnectionString, log)), cancellationToken);

            await retry.ExecuteAsync(async token => await (await connections.OpenAsync(token)).DisposeAsync(), cancellationToken);
        }
        catch (SqlException ex)
        {
            throw new InvalidOperationException(
                $"Cannot open the SQL Server database '{connections.Database}' on '{connections.Server}' " +
                $"(ConnectionStrings:{StorageOptions.ConnectionStringName}): {ex.Message}", ex);
        }

        await retry.ExecuteAsync(_ =>
        {
            DatabaseMigrator.Run(DeployChanges.To.SqlDatabase(connections.ConnectionString), StorageProviders.SqlServer, mode);
            return ValueTask.CompletedTask;
        }, cancellationToken);

        connections.SnapshotIsolation = await retry.ExecuteAsync(async token => await AllowSnapshotIsolationAsync(mode, token), cancellationToken);
        if (!connections.SnapshotIsolation)
            logger.LogWarning("Snapshot isolation is off in database {Database}: a lead read while it changes may show parts from before and after the change. Enable it with: {Statement}",
                connections.Database, SqlServerSnapshotSql.Allow);
    }

    // Set where migrations may run, as the schema is: a database verified only is left as the DBA set it.
    private async Task<bool> AllowSnapshotIsolationAsync(MigrationMode mode, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var allowed = await IsAllowedAsync(connection, cancellationToken);
        if (allowed || mode == MigrationMode.Verify)
            return allowed;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlServerSnapshotSql.Allow, cancellationToken: cancellationToken));
        }
        catch (SqlException ex) when (!ex.IsTransient)
        {
            logger.LogWarning(ex, "Could not allow snapshot isolation in database {Database}", connections.Database);
        }

        return await IsAllowedAsync(connection, cancellationToken);
    }

    private static Task<bool> IsAllowedAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(SqlServerSnapshotSql.IsAllowed, cancellationToken: cancellationToken));
}
