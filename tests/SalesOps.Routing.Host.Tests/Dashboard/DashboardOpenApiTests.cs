using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Dashboard;

public sealed class DashboardOpenApiTests : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(DashboardOpenApiTests)));
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _host.Start();
        _anonymous = _host.ClientWithKey(null);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_DescribesEveryDashboardEndpoint_WithWhatItReturns()
    {
        // Every /api/dashboard route the host maps, so an endpoint added later is checked too.
        var mapped = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(p => p.StartsWith("/api/dashboard/", StringComparison.Ordinal))
            .ToList();

        using var document = JsonDocument.Parse(await _anonymous.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.Superset(new HashSet<string>(["/api/dashboard/reps", "/api/dashboard/distribution", "/api/dashboard/hourly",
            "/api/dashboard/breached", "/api/dashboard/at-risk", "/api/dashboard/events"]), mapped.ToHashSet());
        foreach (var path in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            var ok = item.GetProperty("get").GetProperty("responses").GetProperty("200");
            Assert.True(ok.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _)),
                $"{path} does not say what it returns");
        }

        var breached = paths.GetProperty("/api/dashboard/breached").GetProperty("get");
        Assert.Contains(breached.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "team");
        Assert.True(paths.GetProperty("/api/dashboard/events").GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").TryGetProperty("text/event-stream", out _));
    }
}
