using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>
/// Opens connections to the embedded database file. Every acknowledged lead must survive a power
/// cut, so each connection runs with synchronous=FULL; WAL lets readers proceed while the writer commits.
/// A lock held elsewhere (another process, a backup, an operator's shell) is waited for at most
/// <see cref="SqliteOptions.BusyTimeout"/>: SQLite's busy_timeout waits inside a statement, and
/// Microsoft.Data.Sqlite retries busy statements until the command timeout, so both are set from it.
/// </summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY: the file is
    // busy, out of reach or out of room, not the lead at fault. Retrying later can succeed.
    private static readonly HashSet<int> UnavailableCodes = [5, 6, 8, 10, 13, 14];
    private readonly SqliteOptions _options;

    public SqliteConnectionFactory(string connectionString, string contentRoot, SqliteOptions? options = null)
    {
        _options = options ?? new SqliteOptions();
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        builder.Pooling = true;
        builder.DefaultTimeout = WholeSeconds(_options.BusyTimeout);
        ConnectionString = builder.ToString();
        DatabasePath = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DatabasePath { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_options.BusyTimeout, cancellationToken);

    public Task<DbConnection> OpenProbeAsync(CancellationToken cancellationToken) => OpenAsync(_options.ProbeTimeout, cancellationToken);

    public bool IsUnavailable(Exception exception) =>
        exception is SqliteException sqlite && UnavailableCodes.Contains(sqlite.SqliteErrorCode);

    private async Task<DbConnection> OpenAsync(TimeSpan busyTimeout, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString) { DefaultTimeout = WholeSeconds(busyTimeout) };
        try
        {
            await connection.OpenAsync(cancellationToken);
            // With the background checkpointer on, no commit checkpoints (see SqliteOptions.CheckpointInterval).
            var autoCheckpoint = _options.CheckpointInterval > TimeSpan.Zero ? 0 : 1000;
            var pragmas = $"PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; " +
                $"PRAGMA wal_autocheckpoint = {autoCheckpoint};";
            await connection.ExecuteAsync(new CommandDefinition(pragmas, cancellationToken: cancellationToken));
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

    // Microsoft.Data.Sqlite counts its busy retries in whole seconds, and 0 would mean "wait forever".
    private static int WholeSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
