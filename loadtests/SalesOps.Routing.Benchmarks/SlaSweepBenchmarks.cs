using BenchmarkDotNet.Attributes;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Sla.Sqlite;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The sweep's store work per due timer on a table of 1,000 and of 1,000,000 open clocks that are
/// not due, with the same 1,000 due ones: the host's due queries, its conditional claim and the
/// event it writes for each. Each invocation rolls its transaction back, so every one finds the
/// same due rows. What a breach does beyond that (moving the lead, escalating) reads the lead, not
/// the timer table, and is not measured here. Per due timer, the two sizes should cost the same.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SlaSweepBenchmarkConfig))]
public class SlaSweepBenchmarks
{
    private const int DueBreaches = 500;
    private const int DueWarnings = 500;
    private const int DueTimers = DueBreaches + DueWarnings;
    private const int BatchSize = 500;
    private static readonly TimeSpan LateTolerance = TimeSpan.FromSeconds(5);

    private SqliteConnectionFactory _connections = null!;
    private SlaDueTimers _dueTimers = null!;
    private SlaTimerWriter _writer = null!;

    [Params(1_000, 1_000_000)]
    public int OpenTimers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = SlaSweepDatabase.Ensure(OpenTimers, DueBreaches, DueWarnings);
        DateTimeOffsetHandler.Register();
        _connections = new SqliteConnectionFactory($"Data Source={path}", Path.GetDirectoryName(path)!);
        _dueTimers = new SlaDueTimers(SqliteSlaSql.Statements);
        _writer = new SlaTimerWriter(SqliteSlaSql.Statements);
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "find one batch of due timers (both sweep queries)")]
    public async Task<int> FindDueBatch()
    {
        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var due = await _dueTimers.FindAsync(connection, transaction, SlaSweepDatabase.Now, BatchSize, CancellationToken.None);
        await transaction.RollbackAsync();
        return Expect(due.Count, BatchSize);
    }

    [Benchmark(OperationsPerInvoke = DueTimers, Description = "claim every due timer in batches (find, conditional update, event)")]
    public async Task<int> ClaimAllDue()
    {
        await using var connection = await _connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var now = SlaSweepDatabase.Now;
        var claimed = 0;
        while (true)
        {
            var batch = await _dueTimers.FindAsync(connection, transaction, now, BatchSize, CancellationToken.None);
            foreach (var (_, row, isBreach) in batch)
            {
                var timer = isBreach ? row.ToTimer().Breach(now, LateTolerance) : row.ToTimer().Warn(now, LateTolerance);
                var changed = row.With(timer);
                if (await _writer.TryUpdateAsync(connection, transaction, changed, row.State, now, CancellationToken.None))
                {
                    await _writer.AddEventAsync(connection, transaction, isBreach ? SlaEventTypes.Breached : SlaEventTypes.Warning, changed,
                        new { dueAt = row.DueAt }, now, CancellationToken.None);
                    claimed++;
                }
            }

            if (batch.Count < BatchSize)
                break;
        }

        await transaction.RollbackAsync();
        return Expect(claimed, DueTimers);
    }

    // A benchmark that found fewer rows than it was built with would report a cost per timer it never paid.
    private static int Expect(int actual, int expected) =>
        actual == expected ? actual : throw new InvalidOperationException($"found {actual} due timers, expected {expected}");
}
