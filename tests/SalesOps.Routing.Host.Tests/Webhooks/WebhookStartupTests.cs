using System.Text.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>A subscription the service could never use stops the start, naming the setting and never the secret.</summary>
public sealed class WebhookStartupTests
{
    private const string GoodUrl = "https://crm.example/hooks/routing";
    private const string GoodSecret = WebhookTestHost.Secret;

    [Theory]
    [InlineData("not a url", GoodSecret, "lead.assigned", "json", "Webhooks:Subscriptions:0:Url must be an absolute http(s) URL")]
    [InlineData("ftp://crm.example/x", GoodSecret, "lead.assigned", "json", "Webhooks:Subscriptions:0:Url must be an absolute http(s) URL")]
    [InlineData("http://crm.example/x", GoodSecret, "lead.assigned", "json", "Webhooks:Subscriptions:0:Url must use https")]
    [InlineData(GoodUrl, "", "lead.assigned", "json", "Webhooks:Subscriptions:0:Secret is required")]
    [InlineData(GoodUrl, "hunter2-is-my-password", "lead.assigned", "json", "Webhooks:Subscriptions:0:Secret is not a usable signing secret")]
    [InlineData(GoodUrl, GoodSecret, "lead.assgined", "json", "Webhooks:Subscriptions:0:Events has 'lead.assgined', which matches no event type")]
    [InlineData(GoodUrl, GoodSecret, "lead.assigned", "teams", "Webhooks:Subscriptions:0:Format 'teams' is not supported")]
    public void Start_UnusableSubscription_FailsNamingTheSetting(string url, string secret, string eventType, string format, string expected)
    {
        var message = StartFailure(new()
        {
            ["Webhooks:Subscriptions:0:Name"] = "crm",
            ["Webhooks:Subscriptions:0:Url"] = url,
            ["Webhooks:Subscriptions:0:Secret"] = secret,
            ["Webhooks:Subscriptions:0:Events:0"] = eventType,
            ["Webhooks:Subscriptions:0:Format"] = format,
        });

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_TwoSubscriptionsWithOneName_AndALeaseShorterThanARound_Fail()
    {
        var message = StartFailure(new()
        {
            ["Webhooks:Lease"] = "00:00:05",
            ["Webhooks:Subscriptions:0:Name"] = "crm",
            ["Webhooks:Subscriptions:0:Url"] = GoodUrl,
            ["Webhooks:Subscriptions:0:Secret"] = GoodSecret,
            ["Webhooks:Subscriptions:0:Events:0"] = "*",
            ["Webhooks:Subscriptions:1:Name"] = "CRM",
            ["Webhooks:Subscriptions:1:Url"] = GoodUrl,
            ["Webhooks:Subscriptions:1:Secret"] = GoodSecret,
            ["Webhooks:Subscriptions:1:Events:0"] = "sla.*",
        });

        Assert.Contains("Webhooks:Subscriptions:1:Name 'CRM' is used by another subscription", message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Lease (00:00:05) must outlast a whole round of attempts", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheDeliveriesEndpoints()
    {
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(WebhookStartupTests)));

        using var document = JsonDocument.Parse(await host.Start().GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/webhooks/deliveries", out var list) && list.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/deliveries/{id}/retry", out var retry) && retry.TryGetProperty("post", out _));
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(WebhookStartupTests)), settings: settings);
        var error = Assert.ThrowsAny<Exception>(() => host.Start());
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        return string.Join(" | ", messages);
    }
}
