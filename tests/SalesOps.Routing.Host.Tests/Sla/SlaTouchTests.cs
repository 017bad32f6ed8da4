using System.Net;
using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

public sealed class SlaTouchTests() : SweptHostTests(nameof(SlaTouchTests))
{
    [Fact]
    public async Task Touch_BeforeTheDeadline_IsMet_AndStartsTheFollowUpClock()
    {
        Clock.SetUtcNow(Utc("2026-03-02T09:00:00Z"));
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.Advance(TimeSpan.FromMinutes(10));

        var response = await Client.TouchAsync(leadId, "dach-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timers = await Client.TimersAsync(leadId);
        Assert.Equal(("first-touch", "met", "dach-1", 600L), (timers[0].Kind, timers[0].State, timers[0].TouchedBy, timers[0].BusinessSecondsUsed));
        Assert.Equal(("follow-up", "running"), (timers[1].Kind, timers[1].State));
        Assert.Equal(Utc("2026-03-02T13:10:00Z"), timers[1].DueAt); // 10:10 + 4 business hours = 14:10 Berlin
    }

    [Fact]
    public async Task Touch_IsTheFirstTouch_TheLeadBecomesWorking()
    {
        Clock.SetUtcNow(Utc("2026-03-02T09:00:00Z"));
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        await Client.TouchAsync(leadId, "dach-1");

        Assert.Equal("working", await Host.QueryScalarAsync<string>("SELECT status FROM leads WHERE id = @leadId", new { leadId }));
    }

    [Fact]
    public async Task StatusChangeToWorking_CountsAsTheFirstTouch_AndClosingStopsTheFollowUp()
    {
        Clock.SetUtcNow(Utc("2026-03-02T09:00:00Z"));
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.Advance(TimeSpan.FromMinutes(7));

        (await Client.PostAsJsonAsync($"/api/leads/{leadId}/status", new { status = "working" })).EnsureSuccessStatusCode();
        var afterWorking = await Client.TimersAsync(leadId);
        Clock.Advance(TimeSpan.FromMinutes(30));
        (await Client.PostAsJsonAsync($"/api/leads/{leadId}/status", new { status = "converted" })).EnsureSuccessStatusCode();
        var afterClosing = await Client.TimersAsync(leadId);

        Assert.Equal(("met", "status:working", 420L), (afterWorking[0].State, afterWorking[0].TouchedBy, afterWorking[0].BusinessSecondsUsed));
        Assert.Equal(("follow-up", "running"), (afterWorking[1].Kind, afterWorking[1].State));
        Assert.Equal(("met", "status:converted"), (afterClosing[1].State, afterClosing[1].TouchedBy));
    }

    [Fact]
    public async Task Touch_AfterTheDeadline_IsLate_ButABackdatedTouchInTime_IsMet()
    {
        Clock.SetUtcNow(Utc("2026-03-02T09:00:00Z"));
        var lateLead = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        var backdatedLead = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Clock.SetUtcNow(Utc("2026-03-02T09:20:00Z"));

        await Client.TouchAsync(lateLead, "dach-1");
        await Client.TouchAsync(backdatedLead, "dach-2", Utc("2026-03-02T09:14:30Z"));

        var late = (await Client.TimersAsync(lateLead))[0];
        var backdated = (await Client.TimersAsync(backdatedLead))[0];
        Assert.Equal(("late", 20 * 60L), (late.State, late.BusinessSecondsUsed));
        Assert.Equal(("met", 14 * 60 + 30L), (backdated.State, backdated.BusinessSecondsUsed));
    }

    [Fact]
    public async Task PauseOverTheWeekend_DoesNotBreach_AndMovesTheDeadlineByThePausedBusinessTime()
    {
        Clock.SetUtcNow(Utc("2026-03-06T15:50:00Z")); // Fri 16:50 Berlin: 10 min left today, due Mon 09:05
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());
        Assert.Equal(Utc("2026-03-09T08:05:00Z"), Assert.Single(await Client.TimersAsync(leadId)).DueAt);

        Clock.SetUtcNow(Utc("2026-03-06T15:55:00Z"));
        (await Client.PostAsync($"/api/leads/{leadId}/sla/pause", null)).EnsureSuccessStatusCode();
        Clock.SetUtcNow(Utc("2026-03-09T08:20:00Z")); // Mon 09:20, past the original deadline
        await Host.SweepAsync();
        Assert.Equal("paused", Assert.Single(await Client.TimersAsync(leadId)).State);

        Clock.SetUtcNow(Utc("2026-03-09T08:30:00Z")); // Mon 09:30
        (await Client.PostAsync($"/api/leads/{leadId}/sla/resume", null)).EnsureSuccessStatusCode();

        // Paused Fri 16:55-17:00 and Mon 09:00-09:30: 35 business minutes, so the deadline moves from 09:05 to 09:40.
        var resumed = Assert.Single(await Client.TimersAsync(leadId));
        Assert.Equal(("running", Utc("2026-03-09T08:40:00Z")), (resumed.State, resumed.DueAt));
        Assert.Equal((300L, 600L), (resumed.BusinessSecondsUsed, resumed.BusinessSecondsLeft));
    }

    [Fact]
    public async Task BadRequests_GetProblemDetails()
    {
        Clock.SetUtcNow(Utc("2026-03-02T09:00:00Z"));
        var leadId = await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach());

        var noWho = await Client.PostAsJsonAsync($"/api/leads/{leadId}/touch", new { when = "2026-03-02T09:00:00Z" });
        var future = await Client.TouchAsync(leadId, "dach-1", Utc("2026-03-02T10:00:00Z"));
        var unknown = await Client.TouchAsync("no-such-lead", "dach-1");
        var resumeRunning = await Client.PostAsync($"/api/leads/{leadId}/sla/resume", null);
        var badFilter = await Client.GetAsync("/api/sla/timers?state=late-ish");

        Assert.Equal(HttpStatusCode.BadRequest, noWho.StatusCode);
        Assert.Contains("who", await noWho.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, resumeRunning.StatusCode);
        Assert.Equal("application/problem+json", resumeRunning.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal("running", Assert.Single(await Client.TimersAsync(leadId)).State);
    }
}
