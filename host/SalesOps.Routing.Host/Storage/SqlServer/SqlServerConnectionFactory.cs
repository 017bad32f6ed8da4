using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace SalesOps.Routing.Host.Storage.SqlServer;

/// <summary>Opens pooled connections to the SQL Server database named in <c>ConnectionStrings:Routing</c>.</summary>
internal sealed class SqlServerConnectionFactory : IConnectionFactory
{
    // Without XACT_ABORT a timed-out or failed statement can leave its transaction open on the
    // server; with it, any error rolls the whole group commit back, which is what makes rerunning
    // the batch after a transient fault safe.
    internal const string SessionSetup = "SET XACT_ABORT ON;";

    public SqlServerConnectionFactory(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);

        // Named, unless the operator named it, so a DBA can tell the service's sessions and locks apart.
        if (builder.ApplicationName == new SqlConnectionStringBuilder().ApplicationName)
            builder.ApplicationName = "SalesOps.Routing";
        ConnectionString = builder.ConnectionString;
        Server = builder.DataSource;
        Database = builder.InitialCatalog;
    }

    public string ConnectionString { get; }

    public string Server { get; }

    public string Database { get; }

    /// <summary>
    /// Whether the database allows snapshot isolation (<see cref="SqlServerSnapshotSql"/>), as found
    /// at start. Without it a snapshot read is READ COMMITTED: each statement consistent on its own.
    /// </summary>
    public bool SnapshotIsolation { get; set; }

    public async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(SnapshotIsolation ? IsolationLevel.Snapshot : IsolationLevel.ReadCommitted, cancellationToken);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqlCommand(SessionSetup, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
