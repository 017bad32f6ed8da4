using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Sla;

/// <summary>
/// The real host on a fake clock with the scheduled sweep off, so a test moves time and sweeps when
/// it says so. The sample rules apply: a hot DACH lead gets 15 minutes on the rep's 09:00–17:00.
/// </summary>
internal static class SlaTestHost
{
    public static RoutingHost Create(string database, FakeTimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Sla:ScheduledSweep"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return new RoutingHost(database, clock: clock, settings: all);
    }

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static Task<SlaSweepResult> SweepAsync(this RoutingHost host) =>
        host.Services.GetRequiredService<SlaSweeper>().SweepAsync(CancellationToken.None);

    /// <summary>A qualified DACH lead that is not hot: the default policy, 240 minutes on the team's 09:00–17:30.</summary>
    public static JsonObject WarmDach() => new()
    {
        ["externalId"] = LeadPayloads.NewExternalId(),
        ["source"] = "hubspot",
        ["email"] = "max.muster@kraftwerk-tools.example",
        ["title"] = "VP Operations",
        ["company"] = "Kraftwerk Tools AG",
        ["country"] = "DE",
        ["employees"] = 1200,
        ["leadSource"] = "webinar",
    };

    public static async Task<string> PostLeadIdAsync(this HttpClient client, JsonObject lead)
    {
        var response = await client.PostLeadAsync(lead);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<LeadDecision>())!.Id;
    }

    public static async Task<List<SlaTimerView>> TimersAsync(this HttpClient client, string leadId) =>
        (await client.GetFromJsonAsync<LeadWithTimers>($"/api/leads/{leadId}"))!.Timers;

    public static Task<HttpResponseMessage> TouchAsync(this HttpClient client, string leadId, string who, DateTimeOffset? when = null) =>
        client.PostAsJsonAsync($"/api/leads/{leadId}/touch", new { who, when });

    public static Task<IReadOnlyList<OutboxRow>> EventsAsync(this RoutingHost host) =>
        host.QueryAsync<OutboxRow>("SELECT seq, event_id AS EventId, event_type AS EventType, lead_id AS LeadId, timer_id AS TimerId, payload FROM outbox_events ORDER BY seq");
}
