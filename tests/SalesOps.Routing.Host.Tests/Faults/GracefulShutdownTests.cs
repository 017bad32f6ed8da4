using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesOps.Routing.Host.Tests.Faults;

[Collection(HeavyTests.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private const int Senders = 16;
    private const int MaxPosts = 5_000;

    [Fact]
    public async Task Sigterm_WhileABurstIsInFlight_AnswersTheRequestsInFlight_AndEveryAcknowledgedLeadIsStored()
    {
        var database = TestDatabase.NewSqliteFile(nameof(GracefulShutdownTests));
        await using var host = await RoutingProcess.StartAsync(database);
        using var client = host.CreateClient();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var answeredAfterSignal = new ConcurrentBag<HttpStatusCode>();
        var signalled = 0;
        var posted = 0;
        var firstAcks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        // Senders post back to back until the listener goes away, so requests are in flight when the signal lands.
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (!deadline.IsCancellationRequested && Interlocked.Increment(ref posted) <= MaxPosts)
            {
                var lead = LeadPayloads.QualifiedDach();
                var sentAfterSignal = Volatile.Read(ref signalled) == 1;
                try
                {
                    using var response = await client.PostLeadAsync(lead);
                    if (sentAfterSignal || Volatile.Read(ref signalled) == 1)
                        answeredAfterSignal.Add(response.StatusCode);
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged[lead["externalId"]!.GetValue<string>()] = (await response.Content.ReadFromJsonAsync<LeadDecision>())!.Id;
                        if (acknowledged.Count >= 20)
                            firstAcks.TrySetResult();
                    }
                    else
                    {
                        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not accepted before the listener closed: never acknowledged, the sender retries elsewhere.
                    if (Volatile.Read(ref signalled) == 1)
                        return;
                }
            }
        })).ToList();

        await firstAcks.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Volatile.Write(ref signalled, 1);
        host.Terminate();
        await Task.WhenAll(senders);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"{acknowledged.Count} acknowledged, {answeredAfterSignal.Count} answered after SIGTERM");
        Assert.Equal(0, exitCode);
        Assert.Contains(answeredAfterSignal, s => s is HttpStatusCode.Created);
        var stored = (await StoredAsync(database)).ToDictionary(r => r.ExternalId, r => r.Id);
        Assert.All(acknowledged, ack => Assert.Equal(ack.Value, stored.GetValueOrDefault(ack.Key)));
    }

    private static async Task<IReadOnlyList<(string ExternalId, string Id)>> StoredAsync(string database)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        return [.. await Dapper.SqlMapper.QueryAsync<(string, string)>(connection,
            "SELECT l.external_id, l.id FROM leads l JOIN decisions d ON d.lead_id = l.id")];
    }
}
