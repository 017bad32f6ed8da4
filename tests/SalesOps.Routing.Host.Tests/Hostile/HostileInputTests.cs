using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using SalesOps.Routing.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SalesOps.Routing.Host.Tests.Hostile;

[Collection(HeavyTests.Name)]
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Payloads = 10_000;
    private static readonly HashSet<HttpStatusCode> Expected =
    [
        HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge,
        HttpStatusCode.UnsupportedMediaType,
    ];

    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(HostileInputTests)));
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TenThousandGeneratedPayloads_NeverA5xx_NeverARowForARejectedPost_AndTheHostStillRoutes()
    {
        var created = new ConcurrentDictionary<string, byte>();
        var replayed = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();

        await HostilePayloads.Requests.SampleAsync(async request =>
        {
            var content = new ByteArrayContent(request.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            using var response = await _client.PostAsync("/api/leads", content);
            statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            Assert.True(Expected.Contains(response.StatusCode), $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.IsSuccessStatusCode)
            {
                using var decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var id = decision.RootElement.GetProperty("id").GetString()!;
                if (response.StatusCode == HttpStatusCode.Created)
                    Assert.True(created.TryAdd(id, 0), $"lead {id} created twice");
                else
                    replayed.Add(id);
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }, iter: Payloads, threads: 16, print: Describe);

        output.WriteLine($"{Payloads} payloads in {clock.Elapsed.TotalSeconds:0.0} s: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        var stored = (await _host.QueryAsync<string>("SELECT id FROM leads")).ToHashSet();
        Assert.Equal(created.Keys.Order(), stored.Order());
        Assert.All(replayed, id => Assert.Contains(id, stored));
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads l LEFT JOIN decisions d ON d.lead_id = l.id WHERE d.lead_id IS NULL"));
        Assert.Equal("ok", await _host.QueryScalarAsync<string>("PRAGMA integrity_check"));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Created) > 1000, "too few generated payloads were valid leads to exercise the write path");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 1000, "too few generated payloads were rejected to exercise validation");

        var valid = await _client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        Assert.Equal("EMEA-DACH", valid.Team);
        Assert.Equal("assigned", valid.Status);
    }

    private static string Describe((byte[] Body, string ContentType) request) =>
        $"{request.ContentType}, {request.Body.Length} bytes: {System.Text.Encoding.UTF8.GetString(request.Body[..Math.Min(request.Body.Length, 400)])}";
}
