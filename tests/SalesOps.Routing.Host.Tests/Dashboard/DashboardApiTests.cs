using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;
using SalesOps.Routing.Host.Tests.Sla;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Dashboard;

public sealed class DashboardApiTests() : SweptHostTests(nameof(DashboardApiTests))
{
    private HttpClient _viewer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _viewer = Host.ClientWithKey(TestKeys.Viewer);
    }

    [Fact]
    public async Task Breached_ABreachThatMovedTheLead_StaysListedForTheDay_WithTheRepItWentTo()
    {
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await Host.SweepAsync(); // dach-1 let the 15 minutes run out: the lead goes to dach-2

        var today = await BreachedAsync();
        (await Client.TouchAsync(leadId, "dach-2")).EnsureSuccessStatusCode();
        (await Client.TouchAsync(leadId, "dach-2")).EnsureSuccessStatusCode(); // the follow-up too, so nothing is left open
        Clock.SetUtcNow(Utc("2026-03-03T08:00:00Z"));
        var nextDay = await BreachedAsync();

        var row = Assert.Single(today.Items);
        Assert.Equal((leadId, "reassigned", "dach-1", "dach-2"), (row.LeadId, row.State, row.RepId, row.ReassignedTo));
        Assert.Equal(("Acme Robotics GmbH", Utc("2026-03-02T09:15:00Z"), "hot-inbound"), (row.Company, row.BreachedAt, row.Policy));
        Assert.False(string.IsNullOrEmpty(row.ReassignedToName));
        Assert.Equal(Utc("2026-03-02T00:00:00Z"), today.Since);
        Assert.Empty(nextDay.Items);
    }

    [Fact]
    public async Task Breached_NewestBreachFirst_OpenOverdueClocksIncluded_FilteredByTeam()
    {
        var movedOn = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:05:00Z"));
        var overdue = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:15:00Z"));
        await Host.SweepAsync(); // the first breaches and moves on
        Clock.SetUtcNow(Utc("2026-03-02T09:25:00Z")); // the second is 5 minutes overdue, not swept yet

        var all = await BreachedAsync();
        var dach = await BreachedAsync("?team=EMEA-DACH");
        var apac = await BreachedAsync("?team=APAC");

        Assert.Equal([(overdue, "running"), (movedOn, "reassigned")], all.Items.Select(i => (i.LeadId, i.State)));
        Assert.Equal(all.Items.Select(i => i.LeadId), dach.Items.Select(i => i.LeadId));
        Assert.Empty(apac.Items);
        Assert.All(all.Items, i => Assert.Equal("Acme Robotics GmbH", i.Company));
        Assert.Equal(Utc("2026-03-02T09:25:00Z"), all.Now);
        Assert.False(all.More);
    }

    [Fact]
    public async Task AtRisk_ListsWarnedClocksWithTheCompany_AndTheServersClock()
    {
        await Client.PostLeadIdAsync(WarmDach()); // 240 minutes: not at risk yet
        var hot = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:12:00Z"));

        var atRisk = await _viewer.GetFromJsonAsync<AttentionPage>("/api/dashboard/at-risk");

        var row = Assert.Single(atRisk!.Items);
        Assert.Equal((hot, "Acme Robotics GmbH", "EMEA-DACH", Utc("2026-03-02T09:15:00Z")), (row.LeadId, row.Company, row.Team, row.DueAt));
        Assert.Equal(Utc("2026-03-02T09:12:00Z"), atRisk.Now);
        Assert.DoesNotContain("jane.doe", await _viewer.GetStringAsync("/api/dashboard/at-risk"), StringComparison.Ordinal);
    }

    private async Task<AttentionPage> BreachedAsync(string query = "") =>
        (await _viewer.GetFromJsonAsync<AttentionPage>($"/api/dashboard/breached{query}"))!;
}
