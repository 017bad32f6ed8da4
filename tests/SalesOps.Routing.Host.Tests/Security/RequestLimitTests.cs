using System.Net;
using System.Text;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Security;

public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(RequestLimitTests)),
        settings: new Dictionary<string, string?> { ["RequestLimits:MaxBodyBytes"] = "16384" });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Body_OverTheHostLimit_Returns413Problem()
    {
        var accounts = "[" + string.Join(",", Enumerable.Range(0, 400).Select(i => $"{{\"domain\":\"a{i}.example\",\"owner\":\"dach-1\"}}")) + "]";

        var response = await _client.PutAsync("/api/accounts", new StringContent(accounts, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM accounts WHERE origin = 'api'"));
    }

    [Theory]
    [InlineData("PUT", "/api/accounts")]
    [InlineData("PUT", "/api/reps/dach-1")]
    [InlineData("POST", "/api/leads/x/status")]
    public async Task Json_NestedDeeperThanTheLimit_Returns400Problem(string method, string path)
    {
        var deep = new string('[', 100) + new string(']', 100);

        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(deep, Encoding.UTF8, "application/json"),
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Account_WithAnOverlongDomain_Returns400ProblemAndStoresNothing()
    {
        var body = $"[{{\"domain\":\"{new string('a', 600)}.example\",\"owner\":\"dach-1\"}}]";

        var response = await _client.PutAsync("/api/accounts", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[0].domain", out _));
        Assert.Equal(0L, await _host.QueryScalarAsync<long>("SELECT COUNT(*) FROM accounts WHERE origin = 'api'"));
    }

    [Theory]
    [InlineData("PUT", "/api/accounts", "[{\"domain\":\"a\\ud800.example\",\"owner\":\"dach-1\"}]")]
    [InlineData("POST", "/api/leads/x/status", "{\"status\":\"\\udc00\"}")]
    [InlineData("POST", "/api/leads", "{\"externalId\":\"\\ud800\",\"source\":\"x\"}")]
    public async Task Json_WithALoneSurrogateEscape_Returns400Problem(string method, string path, string body)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
