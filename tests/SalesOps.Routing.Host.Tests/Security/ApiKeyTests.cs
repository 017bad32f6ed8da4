using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Security;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private static readonly HashSet<string> AnonymousPaths = ["/health/live", "/health/ready", "/openapi/{documentName}.json"];
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(ApiKeyTests)));

    public Task InitializeAsync()
    {
        _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("POST", "/api/leads")]
    [InlineData("GET", "/api/leads/some-id")]
    [InlineData("GET", "/api/teams")]
    [InlineData("GET", "/api/reps")]
    [InlineData("PUT", "/api/reps/dach-1")]
    [InlineData("PUT", "/api/accounts")]
    public async Task ProtectedEndpoint_WithoutKey_Returns401ProblemWithChallenge(string method, string path)
    {
        var response = await Send(_host.ClientWithKey(null), method, path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData(ApiKeyHeader.Bearer)]
    [InlineData(ApiKeyHeader.XApiKey)]
    public async Task WrongKey_Returns401InvalidToken(ApiKeyHeader header)
    {
        var response = await _host.ClientWithKey(TestKeys.AllRoles + "x", header).PostLeadAsync(LeadPayloads.QualifiedDach());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Invalid API key", problem.GetProperty("title").GetString());
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task IngestKey_ChangingARep_Returns403Problem()
    {
        var response = await _host.ClientWithKey(TestKeys.Ingest).PutJsonAsync("/api/reps/dach-1", new JsonObject { ["active"] = false });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("ops", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM rep_state WHERE active = 0"));
    }

    [Theory]
    [InlineData(TestKeys.Viewer)]
    [InlineData(TestKeys.Ops)]
    public async Task NonIngestKey_PostingALead_Returns403AndStoresNothing(string key)
    {
        var response = await _host.ClientWithKey(key).PostLeadAsync(LeadPayloads.QualifiedDach());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    [Fact]
    public async Task IngestKey_ReadingTeams_Returns403()
    {
        var response = await _host.ClientWithKey(TestKeys.Ingest).GetAsync("/api/teams");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(ApiKeyHeader.Bearer)]
    [InlineData(ApiKeyHeader.XApiKey)]
    public async Task IngestKey_PostsLead_AndViewerKeyReadsIt_ThroughEitherHeader(ApiKeyHeader header)
    {
        var posted = await _host.ClientWithKey(TestKeys.Ingest, header).PostLeadAsync(LeadPayloads.QualifiedDach());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var read = await _host.ClientWithKey(TestKeys.Viewer, header).GetAsync(posted.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task OpsKey_ChangesARep_AndReadsLikeAViewer()
    {
        var ops = _host.ClientWithKey(TestKeys.Ops, ApiKeyHeader.XApiKey);

        var change = await ops.PutJsonAsync("/api/reps/dach-1", new JsonObject { ["maxOpenLeads"] = 7 });
        var teams = await ops.GetAsync("/api/teams");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApi_AnswerWithoutAKey()
    {
        var client = _host.ClientWithKey(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task EveryMappedEndpoint_ButHealthAndOpenApi_RefusesACallWithoutAKey()
    {
        var client = _host.ClientWithKey(null);
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !AnonymousPaths.Contains(e.RoutePattern.RawText ?? ""))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, path: Concrete(e.RoutePattern.RawText!))))
            .ToList();
        Assert.NotEmpty(endpoints);

        foreach (var (method, path) in endpoints)
        {
            var response = await Send(client, method, path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode} without a key");
        }
    }

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, @"\{[^}]+\}", "x");

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });
}
