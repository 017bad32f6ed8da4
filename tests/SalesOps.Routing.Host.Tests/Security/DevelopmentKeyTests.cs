using System.Net;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Security;

public sealed class DevelopmentKeyTests
{
    private const string DevelopmentKey = "dev-local-key";

    [Theory]
    [InlineData(ApiKeyHeader.Bearer)]
    [InlineData(ApiKeyHeader.XApiKey)]
    public async Task DevelopmentKey_InDevelopmentOnLoopbackWithNoKeysConfigured_HasEveryRole(ApiKeyHeader header)
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(DevelopmentKeyTests)), apiKeys: false, environment: "Development");
        host.Start();
        var client = host.ClientWithKey(DevelopmentKey, header);

        var posted = await client.PostLeadAsync(LeadPayloads.QualifiedDach());
        var teams = await client.GetAsync("/api/teams");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, teams.StatusCode);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task DevelopmentKey_OutsideDevelopmentOrWithKeysConfigured_IsRefused(string environment, bool keysConfigured)
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(DevelopmentKeyTests)), apiKeys: keysConfigured, environment: environment);
        host.Start();

        var response = await host.ClientWithKey(DevelopmentKey).PostLeadAsync(LeadPayloads.QualifiedDach());

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0L, await host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    [Theory]
    [InlineData(true, "http://localhost:5080")]
    [InlineData(true, "http://127.0.0.1:5080")]
    [InlineData(true, "http://127.0.0.2:5080", "http://[::1]:5080")]
    [InlineData(false, "http://0.0.0.0:5080")]
    [InlineData(false, "http://*:5080")]
    [InlineData(false, "http://+:5080")]
    [InlineData(false, "http://[::]:5080")]
    [InlineData(false, "http://192.168.1.20:5080")]
    [InlineData(false, "http://routing.example:5080")]
    [InlineData(false, "http://127.0.0.1:5080", "http://10.0.0.5:5080")]
    [InlineData(false, "http://unix:/run/routing.sock")]
    [InlineData(false)]
    public void Addresses_CountAsLoopbackOnlyWhenEveryOneIs(bool loopback, params string[] addresses)
    {
        Assert.Equal(loopback, LoopbackAddresses.All(addresses));
    }
}
