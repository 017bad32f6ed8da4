using Microsoft.Extensions.DependencyInjection;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Routing.Dashboard.Tests;

/// <summary>The sample rules as shipped: a hot lead whose first 15 minutes run out moves to the next rep.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardReassignTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(DashboardReassignTests)));
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BreachThatMovedTheLead_StaysOnTheBreachedList_MarkedWithTheNewRep_AndTheTraceShowsTheMove()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var hot = LeadPayloads.QualifiedDach();
        hot["title"] = "VP Sales";
        hot["employees"] = 1200;
        var decision = await _api.PostLeadForDecisionAsync(hot);
        Assert.Equal("dach-1", decision.RepId);

        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        await _host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);

        var row = dashboard.Page.Locator($"#breached tr.lead[data-lead='{decision.Id}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(row).ToHaveAttributeAsync("data-state", "reassigned");
        await Expect(row).ToContainTextAsync("Anna Schmidt");
        await Expect(row).ToContainTextAsync("reassigned to Lukas Weber");
        await Expect(row.Locator(".company")).ToHaveTextAsync("Acme Robotics GmbH");
        await Expect(dashboard.Page.Locator("#reps tr[data-rep='dach-2']")).ToContainTextAsync("1 / 30");
        await Expect(dashboard.Page.Locator("#reps tr[data-rep='dach-1']")).ToContainTextAsync("0 / 30");
        await dashboard.ScreenshotAsync("dashboard-reassigned");

        await row.ClickAsync();
        var dialog = dashboard.Page.Locator("#trace-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("#trace-summary")).ToContainTextAsync("Lukas Weber (dach-2)");
        await Expect(dialog.Locator("#trace-summary")).ToContainTextAsync("Decided");
        await Expect(dialog.Locator("#trace-moves li")).ToContainTextAsync("first-touch clock ran out");
        Assert.True(await dialog.Locator("#trace-steps li").CountAsync() >= decision.Trace.Count);
        Assert.Empty(dashboard.Errors);
    }
}
