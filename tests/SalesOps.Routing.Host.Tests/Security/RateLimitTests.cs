using System.Net;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Security;

public sealed class RateLimitTests
{
    // One new permit every 100 s: within a test, a used-up bucket stays empty.
    private static readonly Dictionary<string, string?> TinyLimits = new()
    {
        ["RateLimiting:PermitsPerSecond"] = "0.01",
        ["RateLimiting:Burst"] = "3",
        ["RateLimiting:AnonymousPermitsPerSecond"] = "0.01",
        ["RateLimiting:AnonymousBurst"] = "2",
    };

    [Fact]
    public async Task Key_OverItsBurst_Gets429WithRetryAfter_WhileAnotherKeyIsServed()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(RateLimitTests)), settings: TinyLimits);
        host.Start();
        var viewer = host.ClientWithKey(TestKeys.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await viewer.GetAsync("/api/teams")).StatusCode);
        var refused = await viewer.GetAsync("/api/teams");
        var other = await host.ClientWithKey(TestKeys.Ops).GetAsync("/api/teams");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was {refused.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task CallsWithoutAValidKey_AreLimitedByAddress_ButHealthProbesAreNot()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(RateLimitTests)), settings: TinyLimits);
        host.Start();
        var guesser = host.ClientWithKey("guess-1");

        var first = await guesser.GetAsync("/api/teams");
        var second = await guesser.GetAsync("/api/teams");
        var third = await guesser.GetAsync("/api/teams");
        var probes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.ClientWithKey(null).GetAsync("/health/ready")));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.All(probes, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
    }
}
