using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(DashboardTests)));
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NoDataAtAll_ShowsClearEmptyStates_AndNoErrors()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);

        Assert.True(await dashboard.Page.IsVisibleAsync("#breached-empty"));
        Assert.True(await dashboard.Page.IsVisibleAsync("#at-risk-empty"));
        Assert.True(await dashboard.Page.IsVisibleAsync("#distribution-empty"));
        Assert.True(await dashboard.Page.IsVisibleAsync("#speed-empty"));
        Assert.Equal(13, await dashboard.Page.Locator("#reps tbody tr").CountAsync());
        await dashboard.ScreenshotAsync("dashboard-empty");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task NewLead_ChangesRepLoadAndDistribution_WithoutAReload()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var repRow = dashboard.Page.Locator("#reps tr[data-rep='dach-1']");
        Assert.Contains("0 / 30", await repRow.InnerTextAsync(), StringComparison.Ordinal);

        var decision = await _api.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.Equal("dach-1", decision.RepId);
        await Microsoft.Playwright.Assertions.Expect(repRow).ToContainTextAsync("1 / 30", new() { Timeout = 2000 });
        await Microsoft.Playwright.Assertions.Expect(dashboard.Page.Locator("#distribution")).ToContainTextAsync("EMEA-DACH", new() { Timeout = 2000 });
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task LeadsArrivingWithoutAPause_StillRefreshThePage_WhileTheyKeepComing()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var refreshedAtOpen = await dashboard.Page.EvaluateAsync<string>("() => document.body.dataset.refreshed");
        using var posting = new CancellationTokenSource();
        // A lead every 100 ms or so, as in a campaign: each one announces a change over the event stream.
        var poster = Task.Run(async () =>
        {
            while (!posting.IsCancellationRequested)
            {
                await _api.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());
                await Task.Delay(100, CancellationToken.None);
            }
        });

        await Microsoft.Playwright.Assertions.Expect(dashboard.Page.Locator("body"))
            .Not.ToHaveAttributeAsync("data-refreshed", refreshedAtOpen, new() { Timeout = 4000 });
        var stillPosting = !poster.IsCompleted;
        await posting.CancelAsync();
        await poster;

        Assert.True(stillPosting);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task OnAPhone_ThePageFitsTheScreenWidth()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!, width: 390, height: 844);

        var overflow = await dashboard.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await dashboard.ScreenshotAsync("dashboard-phone");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the screen");
    }
}
