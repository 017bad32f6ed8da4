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
    }
}
