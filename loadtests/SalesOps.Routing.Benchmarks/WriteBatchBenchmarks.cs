using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Sla.Sqlite;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The single writer's work for one group commit, through the host's own lead store on a SQLite
/// file (synchronous=FULL, as shipped): load the rotation, look up keys, accounts and open leads,
/// decide every lead, write its rows and first-touch clock, save the rotation. <c>rehearse</c>
/// rolls the transaction back (the write path rehearsal at start does the same), so it is the
/// writer's CPU and page work without the log's fsync; <c>commit</c> commits a fresh batch each
/// time, fsync included. Divide by the batch size for the cost per lead.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WriteBatchBenchmarkConfig))]
public class WriteBatchBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"salesops-write-bench-{Environment.ProcessId}");
    private ServiceProvider _services = null!;
    private ILeadStore _store = null!;
    private IConnectionFactory _connections = null!;
    private RuleSet _rules = null!;
    private IReadOnlyList<PendingLead> _batch = [];
    private int _batches;

    [Params(1, 8, 32)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:Routing"] = $"Data Source={Path.Combine(_folder, $"write-{BatchSize}.db")}",
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder, EnvironmentName = "Production" })
            // A weekday morning in Europe, so working hours let every rep take leads.
            .AddSingleton<TimeProvider>(new FakeTimeProvider(BenchmarkLead.EuropeanMorning))
            .AddSingleton(AssignmentRules.Compile())
            .AddSingleton(SqliteSlaSql.Statements)
            .AddSingleton<SlaTimerWriter>()
            .AddSingleton<ILeadClocks, FirstTouchClocks>()
            .AddLogging()
            .AddRoutingStorage();
        services.AddOptions<RoutingOptions>();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IStorageProvider>().InitializeAsync(MigrationMode.Apply, CancellationToken.None).GetAwaiter().GetResult();
        _store = _services.GetRequiredService<ILeadStore>();
        _connections = _services.GetRequiredService<IConnectionFactory>();
        _rules = RuleSetBuilder.Build(BenchmarkRules.SampleFiles());
    }

    [IterationSetup]
    public void NewBatch()
    {
        _batch = WriteBatchLeads.Create(_rules, BenchmarkLead.EuropeanMorning, _batches++, BatchSize);

        // Reps work their leads at once, so capacity never binds and every batch takes the same path.
        using var connection = _connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        connection.Execute("UPDATE rep_state SET open_leads = 0, assigned_today = 0");

        // Commits do not checkpoint (the host's checkpointer does, every 250 ms), so over thousands of
        // warm-up batches the log would grow without end. Started over every 100 batches, about as
        // often as in the host, not before each: that would measure every batch on a cold page cache.
        if (_batches % 100 == 0)
            connection.Execute("PRAGMA wal_checkpoint(RESTART)");
    }

    [Benchmark(Baseline = true, Description = "rehearse: the whole batch, rolled back")]
    public Task Rehearse() => _store.RehearseAsync(_batch, CancellationToken.None);

    [Benchmark(Description = "commit: the whole batch, committed (WAL fsync)")]
    public async Task<int> Commit()
    {
        var outcomes = await _store.CommitAsync(_batch, [], CancellationToken.None);

        // What a batch waits for before it is answered: the writer commits without an fsync and the
        // log is synced apart (DurableAcknowledger), here in line so the time counts it.
        _connections.SyncLog();
        return outcomes.Count(o => o.Created) == _batch.Count
            ? outcomes.Count
            : throw new InvalidOperationException("A lead of the batch was not created; the benchmark would measure another path.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The host's first-touch clocks for new leads (what the writer calls); the writer starts no other.</summary>
    private sealed class FirstTouchClocks(SlaTimerWriter writer) : ILeadClocks
    {
        public Task AssignedAsync(DbConnection connection, DbTransaction transaction,
            IReadOnlyList<DecidedLead> decided, CancellationToken cancellationToken) =>
            writer.StartFirstTouchesAsync(connection, transaction, decided, cancellationToken);

        public Task StatusChangedAsync(DbConnection connection, DbTransaction transaction, string leadId,
            string status, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReassignedAsync(DbConnection connection, DbTransaction transaction, RuleSet rules,
            string leadId, string? teamId, string repId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
