using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardKeyTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(DashboardKeyTests)));
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task WithoutAKey_ThePageAsksForOne_AndGoesLiveWithAViewerKey()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!, headers: [], waitUntilLive: false);

        await dashboard.Page.WaitForSelectorAsync("#key-form:not([hidden])");
        Assert.Equal(0, await dashboard.Page.Locator("#reps tbody tr").CountAsync());
        await dashboard.Page.FillAsync("#key-input", TestKeys.Viewer);
        await dashboard.Page.ClickAsync("#key-form button");

        await dashboard.Page.WaitForSelectorAsync("#live.on");
        await Microsoft.Playwright.Assertions.Expect(dashboard.Page.Locator("#reps tbody tr")).ToHaveCountAsync(13);
        Assert.True(await dashboard.Page.IsHiddenAsync("#key-form"));
        var decision = await _api.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
        await Microsoft.Playwright.Assertions.Expect(dashboard.Page.Locator($"#reps tr[data-rep='{decision.RepId}']"))
            .ToContainTextAsync("1 / 30", new() { Timeout = 2000 });
    }
}
