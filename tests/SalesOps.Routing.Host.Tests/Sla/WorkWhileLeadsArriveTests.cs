using System.Net;
using System.Net.Http.Json;
using SalesOps.Routing.Host.Tests.Infrastructure;
using static SalesOps.Routing.Host.Tests.Sla.SlaTestHost;

namespace SalesOps.Routing.Host.Tests.Sla;

/// <summary>
/// Reps touch and close leads while new leads arrive. Touches and status changes commit in the
/// writer's group commits, with the leads, so they all advance one routing state: no rep's count of
/// open leads may drift from the leads actually waiting for them.
/// </summary>
public sealed class WorkWhileLeadsArriveTests() : SweptHostTests(nameof(WorkWhileLeadsArriveTests))
{
    [Fact]
    public async Task TouchesStatusChangesAndPosts_AtOnce_AllAnsweredAndEveryRepsOpenCountMatchesItsLeads()
    {
        var earlier = new List<string>();
        for (var i = 0; i < 24; i++)
            earlier.Add(await Client.PostLeadIdAsync(LeadPayloads.QualifiedDach()));

        var touches = earlier.Take(12).Select(id => Client.TouchAsync(id, "rep"));
        var statuses = earlier.Skip(12).Select((id, i) => Client.PostAsJsonAsync($"/api/leads/{id}/status", new { status = i % 2 == 0 ? "working" : "converted" }));
        var posts = Enumerable.Range(0, 36).Select(_ => Client.PostLeadAsync(LeadPayloads.QualifiedDach()));
        var answers = await Task.WhenAll(touches.Concat(statuses).Concat(posts));

        Assert.All(answers, a => Assert.True(a.IsSuccessStatusCode, $"{(int)a.StatusCode} {a.RequestMessage?.RequestUri}"));
        Assert.Equal(36, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(0, await Host.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads WHERE id IN @earlier AND status = 'assigned'", new { earlier }));
        var drift = await Host.QueryAsync<string>("""
            SELECT s.rep_id FROM rep_state s
            WHERE s.open_leads <> (SELECT COUNT(*) FROM leads l WHERE l.rep_id = s.rep_id AND l.status = 'assigned')
            """);
        Assert.Empty(drift);
        Assert.Equal(36, await Host.QueryScalarAsync<long>("SELECT SUM(open_leads) FROM rep_state"));
    }
}
