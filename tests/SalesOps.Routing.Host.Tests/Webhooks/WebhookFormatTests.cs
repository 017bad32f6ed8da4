using System.Text.Json;
using SalesOps.Routing.Host.Webhooks;

namespace SalesOps.Routing.Host.Tests.Webhooks;

public sealed class WebhookFormatTests
{
    [Fact]
    public void SlackText_SlaBreach_IsOneReadableLineWithIdsAndTheDeadline()
    {
        var payload = """
            {"eventId":"e1","type":"sla.breached","leadId":"0193-lead","kind":"first-touch","repId":"dach-1","teamId":"emea-dach",
             "dueAt":"2026-03-02T09:15:00+00:00","details":{"notify":["manager"]}}
            """;

        var text = WebhookSlackText.For("sla.breached", payload);

        Assert.Equal(":rotating_light: SLA breached: lead 0193-lead (first-touch) owned by dach-1 (emea-dach) was due at 2026-03-02 09:15 UTC.", text);
    }

    [Fact]
    public void SlackBody_LeadWithPersonalDataInItsPayload_CarriesNoEmailNorPhone_AndEscapesMarkup()
    {
        var payload = """
            {"type":"lead.reassigned","leadId":"0193-lead","fromRepId":"dach-1","toRepId":null,
             "reason":"asked by jane.doe@acme.example on +49 89 5550 1234 <@channel>","email":"jane.doe@acme.example"}
            """;

        using var body = JsonDocument.Parse(WebhookBody.For("slack", "lead.reassigned", payload));
        var text = body.RootElement.GetProperty("text").GetString()!;

        Assert.Single(body.RootElement.EnumerateObject());
        Assert.StartsWith("Lead 0193-lead moved from dach-1 to the team queue", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5550", text, StringComparison.Ordinal);
        Assert.Contains("&lt;@channel&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonBody_IsTheStoredEventByteForByte()
    {
        const string payload = """{"eventId":"e1","type":"lead.assigned","leadId":"l1"}""";

        Assert.Equal(payload, System.Text.Encoding.UTF8.GetString(WebhookBody.For("json", "lead.assigned", payload)));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 8)]
    [InlineData(300, 60)]
    public void BackoffAfter_DoublesPerRoundOfThreeAttempts_UpToTheCap(int attempts, int expectedSeconds)
    {
        var options = new WebhookOptions { Retries = 2, Backoff = TimeSpan.FromSeconds(2), MaxBackoff = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.BackoffAfter(attempts));
    }
}
