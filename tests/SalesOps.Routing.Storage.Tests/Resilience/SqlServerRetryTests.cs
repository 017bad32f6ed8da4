using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.SqlServer;
using SalesOps.Routing.Storage.Tests.Contract;

namespace SalesOps.Routing.Storage.Tests.Resilience;

/// <summary>
/// The SQL Server retry policy around a real store (on SQLite, as no SQL Server runs here): which
/// faults are rerun, and that a rerun group commit stores each lead once.
/// </summary>
public sealed class SqlServerRetryTests : IAsyncLifetime
{
    private readonly SqliteContractDatabase _database = new(nameof(SqlServerRetryTests));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private StoreHost _host = null!;

    public async Task InitializeAsync() => _host = await StoreHost.StartAsync(_database.Settings, _clock);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(1205)]
    [InlineData(-2)]
    [InlineData(40613)]
    [InlineData(40197)]
    [InlineData(40501)]
    [InlineData(49918)]
    [InlineData(4060)]
    [InlineData(233)]
    [InlineData(10053)]
    [InlineData(10054)]
    [InlineData(10060)]
    [InlineData(64)]
    public void IsTransient_DeadlockTimeoutOrFailover_IsRetried(int number) =>
        Assert.True(SqlServerTransientErrors.IsTransient(SqlExceptions.WithNumber(number)));

    [Fact]
    public void IsTransient_DeadlockBehindAFailedMigration_IsRetried() =>
        Assert.True(SqlServerTransientErrors.IsTransient(new InvalidOperationException("Database migration failed", SqlExceptions.WithNumber(1205))));

    [Theory]
    [InlineData(2627)]
    [InlineData(2601)]
    [InlineData(547)]
    [InlineData(8152)]
    [InlineData(18456)]
    [InlineData(208)]
    public void IsTransient_ConstraintLoginOrSchemaError_IsNotRetried(int number) =>
        Assert.False(SqlServerTransientErrors.IsTransient(SqlExceptions.WithNumber(number)));

    [Fact]
    public async Task Commit_DeadlockVictimTwice_RerunsTheBatchAndStoresItOnce()
    {
        var faulty = new FaultyLeadStore(_host.Store, failAfterCommit: false, SqlExceptions.WithNumber(1205), SqlExceptions.WithNumber(1205));
        var lead = PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow());

        var outcome = Assert.Single(await Resilient(faulty).CommitAsync([lead], CancellationToken.None));

        Assert.Equal(3, faulty.Commits);
        Assert.True(outcome.Created);
        Assert.Equal(1, await _host.CountAsync("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task Commit_ConnectionCutAfterTheCommit_RerunFindsTheLeadAndStoresNothingTwice()
    {
        var faulty = new FaultyLeadStore(_host.Store, failAfterCommit: true, SqlExceptions.WithNumber(10054));
        var lead = PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow());

        var outcome = Assert.Single(await Resilient(faulty).CommitAsync([lead], CancellationToken.None));

        Assert.Equal(2, faulty.Commits);
        Assert.False(outcome.Created);
        Assert.Equal(lead.LeadId, outcome.ExistingId);
        Assert.Equal(1, await _host.CountAsync("SELECT COUNT(*) FROM leads"));
        Assert.Equal(1, await _host.CountAsync("SELECT COUNT(*) FROM assignments"));
    }

    [Fact]
    public async Task Commit_ConstraintViolation_FailsAtOnce()
    {
        var faulty = new FaultyLeadStore(_host.Store, failAfterCommit: false, SqlExceptions.WithNumber(2627));

        var error = await Assert.ThrowsAsync<SqlException>(() =>
            Resilient(faulty).CommitAsync([PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow())], CancellationToken.None));

        Assert.Equal(2627, error.Number);
        Assert.Equal(1, faulty.Commits);
    }

    [Fact]
    public async Task Commit_DeadlockEveryTime_GivesUpAfterTheLastRetry()
    {
        var faults = Enumerable.Range(0, 10).Select(_ => (Exception)SqlExceptions.WithNumber(1205)).ToArray();
        var faulty = new FaultyLeadStore(_host.Store, failAfterCommit: false, faults);

        await Assert.ThrowsAsync<SqlException>(() =>
            Resilient(faulty).CommitAsync([PendingLeads.For(PendingLeads.Dach(), _clock.GetUtcNow())], CancellationToken.None));

        Assert.Equal(SqlServerResilience.MaxRetryAttempts + 1, faulty.Commits);
        Assert.Equal(0, await _host.CountAsync("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task Ping_TransientFault_IsReportedNotRetried()
    {
        var faulty = new FaultyLeadStore(_host.Store, failAfterCommit: false, SqlExceptions.WithNumber(40613));

        await Assert.ThrowsAsync<SqlException>(() => Resilient(faulty).PingAsync(CancellationToken.None));

        Assert.Equal(1, faulty.Pings);
    }

    private static ILeadStore Resilient(ILeadStore inner) =>
        new ResilientLeadStore(inner, new StoreRetry(SqlServerResilience.CreatePipeline(NullLogger.Instance, TimeSpan.Zero)));
}
