using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

public sealed class SlaReportTests
{
    [Fact]
    public async Task Timers_AtRiskAndBreached_AreListedByTeamAndPaged()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaReportTests)), clock);
        var client = host.Start();
        for (var i = 0; i < 3; i++)
            await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        clock.SetUtcNow(Utc("2026-03-02T09:05:00Z"));
        var late = await client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        clock.SetUtcNow(Utc("2026-03-02T09:12:00Z"));

        var firstPage = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=at-risk&team=EMEA-DACH&pageSize=2");
        var secondPage = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=at-risk&team=EMEA-DACH&page=2&pageSize=2");
        var otherTeam = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=at-risk&team=APAC");
        clock.SetUtcNow(Utc("2026-03-02T09:16:30Z")); // the first three are past due, the fourth past its warning
        await host.SweepAsync();
        var breached = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=breached");
        var stillAtRisk = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=at-risk");
        var movedOn = await client.GetFromJsonAsync<SlaTimerPageView>("/api/sla/timers?state=reassigned");

        Assert.Equal((3L, 2, 1), (firstPage!.Total, firstPage.Items.Count, secondPage!.Items.Count));
        Assert.All(firstPage.Items.Concat(secondPage.Items), t => Assert.Equal("EMEA-DACH", t.TeamId));
        Assert.Empty(otherTeam!.Items);
        Assert.Equal(0, breached!.Total); // every breach moved its lead on: the new owners' clocks run
        Assert.Equal(late, Assert.Single(stillAtRisk!.Items).LeadId);
        Assert.Equal(3, movedOn!.Items.Count(t => t.BreachedAt == Utc("2026-03-02T09:16:30Z")));
    }

    [Fact]
    public async Task Summary_GivesMedianAndP90BusinessMinutesToFirstTouch_PercentMetAndBreaches()
    {
        var clock = new FakeTimeProvider(Utc("2026-03-02T09:00:00Z"));
        await using var host = Create(TestDatabase.NewSqliteFile(nameof(SlaReportTests)), clock);
        var client = host.Start();
        var leads = new List<string>();
        for (var i = 0; i < 3; i++)
            leads.Add(await client.PostLeadIdAsync(LeadPayloads.QualifiedDach()));

        clock.SetUtcNow(Utc("2026-03-02T09:20:00Z"));
        await client.TouchAsync(leads[0], "dach-1", Utc("2026-03-02T09:05:00Z"));
        await client.TouchAsync(leads[1], "dach-2", Utc("2026-03-02T09:10:00Z"));
        await client.TouchAsync(leads[2], "dach-3");

        using var summary = JsonDocument.Parse(await client.GetStringAsync("/api/sla/summary?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z"));
        var team = Assert.Single(summary.RootElement.GetProperty("teams").EnumerateArray());
        var figures = team.GetProperty("figures");

        Assert.Equal("EMEA-DACH", team.GetProperty("team").GetString());
        Assert.Equal((3, 2, 1, 1), (figures.GetProperty("timers").GetInt32(), figures.GetProperty("met").GetInt32(),
            figures.GetProperty("late").GetInt32(), figures.GetProperty("breaches").GetInt32()));
        Assert.Equal(66.7, figures.GetProperty("percentMet").GetDouble());
        Assert.Equal(10, figures.GetProperty("medianMinutes").GetDouble());
        Assert.Equal(20, figures.GetProperty("p90Minutes").GetDouble());
        Assert.Equal(["dach-1", "dach-2", "dach-3"], team.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("rep").GetString()));
    }
}
