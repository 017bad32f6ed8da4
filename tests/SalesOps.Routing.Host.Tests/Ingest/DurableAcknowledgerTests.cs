using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Observability;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Ingest;

public sealed class DurableAcknowledgerTests
{
    [Fact]
    public async Task PostedLead_IsCommittedAtOnce_ButAnsweredOnlyOnceTheLogIsSynced()
    {
        HeldLogSync? sync = null;
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(DurableAcknowledgerTests)), services: services =>
            services.Replace(ServiceDescriptor.Singleton<IConnectionFactory>(sp =>
                sync = new HeldLogSync(sp.GetRequiredService<IStorageProvider>().Connections))));
        var client = host.Start();
        sync!.Hold();

        var posting = client.PostLeadAsync(LeadPayloads.QualifiedDach());

        // The writer commits (the row is there for every reader), then the answer waits for the disk.
        await WaitForAsync(async () => await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads") == 1);
        Assert.NotSame(posting, await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(1))));

        sync.LetAllThrough();
        var response = await posting;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task BatchCommittedWhileASyncRuns_IsAnsweredByTheNextSync_NotThatOne()
    {
        var sync = HeldSync();
        sync.Hold();
        var acknowledger = Acknowledger(sync);
        var first = Batch(acknowledger);
        await sync.NextSyncBegunAsync();

        var second = Batch(acknowledger);
        sync.LetOneThrough();
        await first;
        await sync.NextSyncBegunAsync();

        Assert.False(second.IsCompleted);
        sync.LetOneThrough();
        await second;
        await acknowledger.DrainAsync();
        Assert.Equal(2, sync.Syncs);
    }

    [Fact]
    public async Task BatchesCommittedDuringOneSync_ShareTheNextOne()
    {
        var sync = HeldSync();
        sync.Hold();
        var acknowledger = Acknowledger(sync);
        var first = Batch(acknowledger);
        await sync.NextSyncBegunAsync();

        Task[] meanwhile = [Batch(acknowledger), Batch(acknowledger), Batch(acknowledger)];
        sync.LetAllThrough();
        await Task.WhenAll([first, .. meanwhile]);
        await acknowledger.DrainAsync();

        Assert.Equal(2, sync.Syncs);
    }

    [Fact]
    public async Task CommitsDurableByThemselves_AreAnsweredAtOnce_WithoutASync()
    {
        var sync = HeldSync(apart: false);
        sync.Hold();

        var batch = Batch(Acknowledger(sync));

        Assert.True(batch.IsCompletedSuccessfully);
        await batch;
        Assert.Equal(0, sync.Syncs);
    }

    [Fact]
    public async Task FailedSync_AnswersEveryBatchOfItsRound503_AndStopsTheService()
    {
        var lifetime = Lifetime();
        var acknowledger = Acknowledger(new FailingLogSync(HeldSync()), lifetime);

        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => Batch(acknowledger));

        Assert.IsType<IOException>(failure.InnerException);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; !await condition(); waited += TimeSpan.FromMilliseconds(20))
        {
            if (waited > TimeSpan.FromSeconds(10))
                throw new TimeoutException("The lead was never committed.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static Task Batch(DurableAcknowledger acknowledger)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        acknowledger.AfterSync(() => answered.SetResult(), failure => answered.SetException(failure));
        return answered.Task;
    }

    private static DurableAcknowledger Acknowledger(IConnectionFactory connections, ApplicationLifetime? lifetime = null) =>
        new(connections, new GroupCommitMetrics(new RoutingMetrics()), lifetime ?? Lifetime(), NullLogger<DurableAcknowledger>.Instance);

    private static HeldLogSync HeldSync(bool apart = true)
    {
        var path = TestDatabase.NewSqliteFile(nameof(DurableAcknowledgerTests));
        var connections = new SqliteConnectionFactory($"Data Source={path}", Path.GetTempPath(), new SqliteOptions { SyncLogApartFromCommit = apart });
        connections.Initialize(MigrationMode.Apply);
        return new HeldLogSync(connections);
    }

    private static ApplicationLifetime Lifetime() => new(NullLogger<ApplicationLifetime>.Instance);

    private sealed class FailingLogSync(IConnectionFactory inner) : IConnectionFactory
    {
        public bool SyncsLogApart => true;

        public void SyncLog() => throw new IOException("Input/output error");

        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

        public Task<System.Data.Common.DbTransaction> BeginSnapshotAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
            inner.BeginSnapshotAsync(connection, cancellationToken);
    }
}
