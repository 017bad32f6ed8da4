using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>
/// Opens connections to the embedded database file. Every acknowledged lead must survive a power
/// cut, so each connection runs with synchronous=FULL; WAL lets readers proceed while the writer commits.
/// </summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    private const string PerConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

    public SqliteConnectionFactory(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        builder.Pooling = true;
        builder.DefaultTimeout = 5;
        ConnectionString = builder.ToString();
        DatabasePath = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DatabasePath { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(PerConnectionPragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the folder, switches the file to WAL (a persistent setting) and applies migrations.</summary>
    public void Initialize(MigrationMode mode)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            connection.Execute("PRAGMA journal_mode = WAL;");
        }

        DatabaseMigrator.Run(DbUp.DeployChanges.To.SqliteDatabase(ConnectionString), "Sqlite", mode);
    }
}
