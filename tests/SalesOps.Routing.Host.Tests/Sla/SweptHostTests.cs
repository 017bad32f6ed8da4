using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

/// <summary>
/// A host on its own SQLite file whose SLA sweep runs only when a test calls it, on a fake clock that
/// starts on Monday 10:00 in Berlin, with an ingest client: for tests that post leads and move time.
/// </summary>
public abstract class SweptHostTests : IAsyncLifetime
{
    private protected SweptHostTests(string database) => Host = Create(TestDatabase.NewSqliteFile(database), Clock);

    private protected FakeTimeProvider Clock { get; } = new(Utc("2026-03-02T09:00:00Z"));

    private protected RoutingHost Host { get; }

    private protected HttpClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Client = Host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
