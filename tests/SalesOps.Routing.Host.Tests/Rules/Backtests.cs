using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>
/// One scenario shared by the HTTP and command-line backtest tests, on a Wednesday morning when
/// the DACH and UK reps are at work: a German lead before the window, then German, Swiss and French
/// leads inside it, replayed through a draft that sends Switzerland to the UK and Ireland team. It
/// all happens within a few minutes, before any first-touch SLA breaches and reassigns a lead.
/// </summary>
internal static class Backtests
{
    public static readonly DateTimeOffset WindowStart = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Start = WindowStart.AddMinutes(-1);
    public static readonly DateTimeOffset WindowEnd = WindowStart.AddMinutes(10);

    /// <summary>Live rules: before the window DE→dach-1; inside it DE→dach-2, CH→dach-3, DE→dach-1, CH→dach-2, FR→global-1.</summary>
    public static async Task SeedAsync(HttpClient client, FakeTimeProvider clock)
    {
        await PostAsync(client, "Germany");
        clock.SetUtcNow(WindowStart.AddMinutes(1));
        foreach (var country in (string[])["Germany", "Switzerland", "Germany", "Switzerland", "France"])
        {
            await PostAsync(client, country);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        clock.SetUtcNow(WindowEnd.AddMinutes(1));
        await PostAsync(client, "Switzerland");
    }

    public static string SwissToUkiRouting() =>
        File.ReadAllText(Path.Combine(RoutingHost.SampleRulesFolder, "routing.json"))
            .Replace("\\\"AT\\\", \\\"CH\\\", \\\"LI\\\"", "\\\"AT\\\", \\\"LI\\\"", StringComparison.Ordinal)
            .Replace("\\\"GB\\\", \\\"IE\\\"", "\\\"GB\\\", \\\"IE\\\", \\\"CH\\\"", StringComparison.Ordinal);

    /// <summary>
    /// Draft replay from the rotation before the window (dach-1): DE→dach-2 (same), CH→uki-1,
    /// DE→dach-3 (was dach-1), CH→uki-2, FR→global-1 (same). Two team changes, three rep changes.
    /// </summary>
    public static void AssertSwissToUkiReport(JsonElement report)
    {
        Assert.Equal((5, 0, false, 2), (report.GetProperty("leads").GetInt32(), report.GetProperty("skipped").GetInt32(),
            report.GetProperty("truncated").GetBoolean(), report.GetProperty("unchanged").GetInt32()));
        var changes = report.GetProperty("changes");
        Assert.Equal(2, changes.GetProperty("team").GetProperty("count").GetInt32());
        Assert.All(changes.GetProperty("team").GetProperty("examples").EnumerateArray(),
            e => Assert.Equal(("EMEA-DACH", "EMEA-UKI"), (e.GetProperty("before").GetString(), e.GetProperty("after").GetString())));
        Assert.Equal(3, changes.GetProperty("rep").GetProperty("count").GetInt32());
        Assert.Equal([("dach-3", "uki-1"), ("dach-1", "dach-3")], changes.GetProperty("rep").GetProperty("examples").EnumerateArray()
            .Select(e => (e.GetProperty("before").GetString(), e.GetProperty("after").GetString())));
        Assert.Equal((0, 0), (changes.GetProperty("qualification").GetProperty("count").GetInt32(), changes.GetProperty("score").GetProperty("count").GetInt32()));
    }

    private static async Task PostAsync(HttpClient client, string country)
    {
        var lead = LeadPayloads.QualifiedDach();
        lead["country"] = country;
        await client.PostLeadForDecisionAsync(lead);
    }
}
