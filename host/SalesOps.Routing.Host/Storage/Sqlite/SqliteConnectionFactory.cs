using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace SalesOps.Routing.Host.Storage.Sqlite;

/// <summary>
/// Opens connections to the embedded database file. Every acknowledged lead must survive a power
/// cut, so each connection runs with synchronous=FULL, except the group-commit writer's when
/// <see cref="SqliteOptions.SyncLogApartFromCommit"/> is on: it commits with synchronous=NORMAL and
/// its batches are answered only after <see cref="SyncLog"/>. WAL lets readers proceed while the writer commits.
/// A lock held elsewhere (another process, a backup, an operator's shell) is waited for at most
/// <see cref="SqliteOptions.BusyTimeout"/>: SQLite's busy_timeout waits inside a statement, and
/// Microsoft.Data.Sqlite retries busy statements until the command timeout, so both are set from it.
/// </summary>
internal sealed class SqliteConnectionFactory : IConnectionFactory
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_READONLY: the file is
    // busy, out of reach or out of room, not the lead at fault. Retrying later can succeed.
    private static readonly HashSet<int> UnavailableCodes = [5, 6, 8, 10, 13, 14];

    // A log restart waits this long for readers still reading from the log, then leaves it for the next time.
    private static readonly TimeSpan LogRestartWait = TimeSpan.FromMilliseconds(20);

    private const string SynchronousFull = "FULL";
    private const string SynchronousNormal = "NORMAL";

    private readonly SqliteOptions _options;
    private int _logRestartDue;

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
        LogPath = DatabasePath + "-wal";
    }

    public string ConnectionString { get; }

    public string DatabasePath { get; }

    /// <summary>The write-ahead log file beside the database file.</summary>
    public string LogPath { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(_options.BusyTimeout, SynchronousFull, cancellationToken);

    public Task<DbConnection> OpenProbeAsync(CancellationToken cancellationToken) => OpenAsync(_options.ProbeTimeout, SynchronousFull, cancellationToken);

    // Deferred: BEGIN takes no lock, and in WAL mode the first read fixes the snapshot every later
    // read of the transaction sees, without holding up the writer.
    public Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>
    /// Opens the writer's connection and, when the checkpointer has asked for it since the last time,
    /// starts the log over first (see <see cref="RestartLogBeforeNextCommit"/>).
    /// </summary>
    public async Task<DbConnection> OpenBetweenCommitsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(_options.BusyTimeout, SyncsLogApart ? SynchronousNormal : SynchronousFull, cancellationToken);
        if (Interlocked.Exchange(ref _logRestartDue, 0) == 1)
        {
            try
            {
                await RestartLogAsync(connection, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        return connection;
    }

    /// <summary>
    /// Asks the writer to start the write-ahead log over before its next transaction. SQLite starts the
    /// log file over only when a write begins with the whole log already in the database file; the
    /// background checkpointer always finishes while the busy writer is inside a transaction, so
    /// without this the file grows for as long as leads arrive (1 GB in 40 s at 1,160 leads/s).
    /// </summary>
    public void RestartLogBeforeNextCommit() => Volatile.Write(ref _logRestartDue, 1);

    public bool SyncsLogApart => _options.SyncLogApartFromCommit;

    /// <summary>
    /// Syncs the write-ahead log file. fsync flushes the file however it was opened, so this flushes
    /// what the writer's connections wrote to it. The file is opened afresh each time: should SQLite
    /// delete the log and start a new one, a handle kept open would sync the old file. With no log
    /// file, everything was checkpointed into the database file, and synced there, before the log
    /// was deleted. SQLite takes no locks on the log file (it locks the -shm file), so opening and
    /// closing it here releases none of its locks.
    /// </summary>
    public void SyncLog()
    {
        if (!SyncsLogApart)
            return;
        SafeFileHandle log;
        try
        {
            log = File.OpenHandle(LogPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        using (log)
            RandomAccess.FlushToDisk(log);
    }

    public bool IsUnavailable(Exception exception) =>
        exception is SqliteException sqlite && UnavailableCodes.Contains(sqlite.SqliteErrorCode);

    private async Task<DbConnection> OpenAsync(TimeSpan busyTimeout, string synchronous, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString) { DefaultTimeout = WholeSeconds(busyTimeout) };
        try
        {
            await connection.OpenAsync(cancellationToken);
            // With the background checkpointer on, no commit checkpoints (see SqliteOptions.CheckpointInterval).
            var autoCheckpoint = _options.CheckpointInterval > TimeSpan.Zero ? 0 : 1000;
            var pragmas = $"PRAGMA synchronous = {synchronous}; PRAGMA foreign_keys = ON; {BusyTimeoutPragma(busyTimeout)} " +
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

    // RESTART copies what was committed since the checkpointer's last round (a batch or two), then makes the
    // next write start at the head of the log file, which stays allocated and is overwritten.
    // One command: the shorter wait, the restart (a busy result is not an error; the next checkpoint
    // asks again), the connection's usual wait back.
    private Task RestartLogAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"{BusyTimeoutPragma(LogRestartWait)} PRAGMA wal_checkpoint(RESTART); {BusyTimeoutPragma(_options.BusyTimeout)}",
            cancellationToken: cancellationToken));

    private static string BusyTimeoutPragma(TimeSpan wait) => $"PRAGMA busy_timeout = {(int)wait.TotalMilliseconds};";

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
