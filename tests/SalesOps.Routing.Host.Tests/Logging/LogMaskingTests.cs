using System.Net;
using System.Text.Json.Nodes;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Host.Logging;
using SalesOps.Routing.Host.Tests.Infrastructure;
using Serilog;

namespace SalesOps.Routing.Host.Tests.Logging;

public sealed class LogMaskingTests
{
    private const string Email = "zephyrine.quenneville@acme-robotics.example";
    private const string FirstName = "Zephyrine";
    private const string LastName = "Quenneville-Ostrander";
    private const string Phone = "+49 89 5550 1234";

    [Fact]
    public void Masker_HidesNamedPropertiesEmailsAndPhones_AtAnyDepth_AndKeepsIdentifiers()
    {
        var log = new CapturedLog();
        using (var logger = new LoggerConfiguration().Enrich.With<SensitiveDataMasker>().WriteTo.Sink(log).CreateLogger())
        {
            var lead = new LeadInput { ExternalId = "hs-1", Source = "hubspot", Email = Email, FirstName = FirstName, LastName = LastName, Phone = Phone };
            logger.Information("Lead {@Lead} from {Sender} said {Note}", lead, "ops@acme-robotics.example", $"call me on {Phone} or 089/5550-1234");
            logger.Information("Key {ApiKey} as {Authorization} for {LeadId} at {When}", TestKeys.AllRoles, "Bearer " + TestKeys.AllRoles,
                "01937a4e-5a10-7c3b-9e21-4f5d28b11a0c", "2026-11-25 10:00:00");
        }

        var text = log.Text();
        Assert.DoesNotContain(Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain("ops@acme-robotics.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LastName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, text, StringComparison.Ordinal);
        Assert.DoesNotContain("089/5550-1234", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.AllRoles, text, StringComparison.Ordinal);
        Assert.Contains("hs-1", text, StringComparison.Ordinal);
        Assert.Contains("01937a4e-5a10-7c3b-9e21-4f5d28b11a0c", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-25 10:00:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoutedLead_LeavesNoPersonalDataNorKeyInTheHostLog()
    {
        var log = new CapturedLog();
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(LogMaskingTests)), logSink: log, settings: new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Debug",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting"] = "Debug",
        });
        var client = host.Start();
        var lead = LeadPayloads.QualifiedDach();
        lead["email"] = Email;
        lead["firstName"] = FirstName;
        lead["lastName"] = LastName;
        lead["phone"] = Phone;

        var posted = await client.PostLeadAsync(lead);
        var read = await client.GetAsync(posted.Headers.Location);
        var invalid = lead.DeepClone();
        invalid["employees"] = true;
        var rejected = await client.PostLeadAsync(invalid);
        var wrongKey = await host.ClientWithKey(TestKeys.Ingest + "-typo", ApiKeyHeader.XApiKey).PostLeadAsync(lead);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        // The request line is written once the response has gone out, so it may trail the client by a moment.
        await WaitForAsync(() => log.Events.Count(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)) >= 4);
        var text = log.Text();
        Assert.Contains(log.Events, e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == "\"/api/leads\"" && e.Properties["StatusCode"].ToString() == "201"
            && e.Properties["Client"].ToString() == "\"all-roles\"");
        foreach (var secret in new[] { Email, FirstName, LastName, Phone, "5550 1234", TestKeys.AllRoles, TestKeys.Ingest })
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
            await Task.Delay(20, bound.Token);
    }
}
