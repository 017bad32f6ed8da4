using Microsoft.Playwright;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Dashboard.Tests;

/// <summary>The dashboard in a browser tab, with every console error and failed request recorded.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error")
                Errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
        page.RequestFailed += (_, request) =>
        {
            // Closing the page aborts the event stream; that is not an error of the page.
            if (!request.Url.Contains("/api/dashboard/events", StringComparison.Ordinal))
                Errors.Add($"request failed: {request.Url} {request.Failure}");
        };
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>
    /// Opens the page with a viewer key on every request (as a proxy in front of it would add it),
    /// unless <paramref name="headers"/> says otherwise, and waits until it is live and filled.
    /// </summary>
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address, int width = 1280, int height = 1000,
        IEnumerable<KeyValuePair<string, string>>? headers = null, bool waitUntilLive = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = headers ?? [KeyValuePair.Create("Authorization", $"Bearer {TestKeys.Viewer}")],
        });
        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page);
        await page.GotoAsync(address.ToString());
        if (waitUntilLive)
        {
            await page.WaitForSelectorAsync("#live.on");
            await page.WaitForFunctionAsync("() => document.body.dataset.refreshed");
        }

        return dashboard;
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
