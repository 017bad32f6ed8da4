using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Routing.Dashboard.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardSlaTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly RoutingHost _host = new(TestDatabase.NewSqliteFile(nameof(DashboardSlaTests)), NotifyOnlyRules());
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _host.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LeadRunningOutOfSla_ShowsAsBreachedWithoutAReload_AndClickingItShowsWhyThisRep()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var hot = LeadPayloads.QualifiedDach();
        hot["title"] = "VP Sales";
        hot["employees"] = 1200;
        var decision = await _api.PostLeadForDecisionAsync(hot);
        await Expect(dashboard.Page.Locator("#reps tr[data-rep='dach-1']")).ToContainTextAsync("1 / 30", new() { Timeout = 2000 });

        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        await _host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);

        var row = dashboard.Page.Locator($"#breached tr.lead[data-lead='{decision.Id}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(row).ToContainTextAsync("late by 5m");
        await Expect(row.Locator(".company")).ToHaveTextAsync("Acme Robotics GmbH");
        await Expect(row).ToContainTextAsync("Anna Schmidt");
        Assert.DoesNotContain("jane.doe", await row.InnerTextAsync(), StringComparison.Ordinal);
        await dashboard.ScreenshotAsync("dashboard-breach");

        await row.FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("Enter");
        var dialog = dashboard.Page.Locator("#trace-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(decision.ExternalId);
        await Expect(dialog.Locator("#trace-steps li").First).ToBeVisibleAsync();
        Assert.True(await dialog.Locator("#trace-steps li").CountAsync() >= decision.Trace.Count);
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task ScriptAndHtmlInLeadFields_AreShownAsText_AndNeverRun()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var alerts = new List<string>();
        dashboard.Page.Dialog += (_, d) => { alerts.Add(d.Message); _ = d.DismissAsync(); };
        var hostile = LeadPayloads.QualifiedDach("<img src=x onerror=alert(1)>");
        hostile["title"] = "VP Sales";
        hostile["employees"] = 1200;
        hostile["source"] = "<script>alert(2)</script>";
        hostile["company"] = "<b>Bold</b> & <script>alert(3)</script> GmbH";
        var decision = await _api.PostLeadForDecisionAsync(hostile);
        _host.Clock.Advance(TimeSpan.FromMinutes(20));
        await _host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);

        var row = dashboard.Page.Locator($"#breached tr.lead[data-lead='{decision.Id}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(row.Locator(".company")).ToHaveTextAsync("<b>Bold</b> & <script>alert(3)</script> GmbH");
        Assert.Equal(0, await dashboard.Page.Locator("#breached b, #breached script").CountAsync());
        await row.ClickAsync();
        var summary = dashboard.Page.Locator("#trace-summary");
        await Expect(summary).ToContainTextAsync("<img src=x onerror=alert(1)> (<script>alert(2)</script>)");

        Assert.Equal(0, await dashboard.Page.Locator("#trace-dialog img, #trace-dialog script").CountAsync());
        Assert.Empty(alerts);
    }

    [Fact]
    public async Task LeadPastItsWarning_ShowsAtRisk_CountingDownOnTheServersClock()
    {
        await using var dashboard = await DashboardPage.OpenAsync(browser.Browser, _api.BaseAddress!);
        var hot = LeadPayloads.QualifiedDach();
        hot["title"] = "VP Sales";
        hot["employees"] = 1200;
        var decision = await _api.PostLeadForDecisionAsync(hot);

        // The host's clock is days away from the browser's: the countdown must still read 3 minutes.
        _host.Clock.Advance(TimeSpan.FromMinutes(12));
        await _host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);

        var row = dashboard.Page.Locator($"#at-risk tr.lead[data-lead='{decision.Id}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(row.Locator(".company")).ToHaveTextAsync("Acme Robotics GmbH");
        await Expect(row.Locator("td.countdown")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^[23]m \\d\\ds$"));
        Assert.Empty(dashboard.Errors);
    }

    // The sample hot-lead policy reassigns on breach, which starts a new clock; with notify only the
    // breach stays on the lead, as it does for a team that does not reassign.
    private static string NotifyOnlyRules()
    {
        var folder = Path.Combine(TestDatabase.Root, $"rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "schema"));
        foreach (var file in Directory.GetFiles(RoutingHost.SampleRulesFolder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(RoutingHost.SampleRulesFolder, "schema")))
            File.Copy(file, Path.Combine(folder, "schema", Path.GetFileName(file)));
        var sla = Path.Combine(folder, "sla.json");
        File.WriteAllText(sla, File.ReadAllText(sla)
            .Replace("        { \"action\": \"reassign\", \"maxTimes\": 2 },\n", "", StringComparison.Ordinal)
            .Replace("        { \"action\": \"escalate\", \"to\": \"manager\" }\n      ]\n    },\n    {\n      \"name\": \"enterprise\"",
                "        { \"action\": \"notify\", \"to\": \"rep\" }\n      ]\n    },\n    {\n      \"name\": \"enterprise\"", StringComparison.Ordinal));
        return folder;
    }
}
