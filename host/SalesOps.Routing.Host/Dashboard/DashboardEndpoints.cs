using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Host.Routing;
using SalesOps.Routing.Host.Security;

namespace SalesOps.Routing.Host.Dashboard;

internal static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(ApiRoles.Viewer);
        group.MapGet("/reps", RepsAsync).WithSummary("Each rep's open leads against capacity, leads today, and whether they can take a lead now (or why not).");
        group.MapGet("/distribution", DistributionAsync).WithSummary("Leads per rep per team today against each rep's target share.");
        group.MapGet("/hourly", HourlyAsync).WithSummary("Leads received per hour of today, in the dashboard's time zone.");
        group.MapGet("/breached", BreachedAsync)
            .WithSummary("Breached SLA clocks, newest breach first: open breaches, and today's breaches since reassigned (with the rep the lead went to) or touched late.");
        group.MapGet("/at-risk", AtRiskAsync).WithSummary("SLA clocks past their warning and not yet due, the soonest due first.");
        group.MapGet("/events", Events).WithSummary("Server-sent events: lead.assigned, lead.status, rep.changed, sla.warning, sla.breached, rules.activated.");
        return routes;
    }

    private static async Task<Ok<TeamView[]>> RepsAsync(string? team, RepLoad load, CancellationToken cancellationToken) =>
        TypedResults.Ok((await load.TeamsAsync(team, cancellationToken)).ToArray());

    private static async Task<Ok<DistributionView[]>> DistributionAsync(string? team, DashboardQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok((await queries.DistributionAsync(team, cancellationToken)).ToArray());

    private static async Task<Ok<HourlyView>> HourlyAsync(string? team, DashboardQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.HourlyAsync(team, cancellationToken));

    private static async Task<Ok<AttentionListView>> BreachedAsync(string? team, DashboardQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.BreachedAsync(Team(team), cancellationToken));

    private static async Task<Ok<AttentionListView>> AtRiskAsync(string? team, DashboardQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.AtRiskAsync(Team(team), cancellationToken));

    private static string? Team(string? team) => string.IsNullOrWhiteSpace(team) ? null : team;

    private static ServerSentEventsResult<DashboardEvent> Events(DashboardEventHub hub, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Stream(hub, cancellationToken));

    private static async IAsyncEnumerable<SseItem<DashboardEvent>> Stream(DashboardEventHub hub,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An opening event tells the page the stream is live before anything happens.
        yield return new SseItem<DashboardEvent>(new DashboardEvent("hello", null, null, null, default), "hello");
        await foreach (var item in hub.SubscribeAsync(cancellationToken))
            yield return new SseItem<DashboardEvent>(item, item.Type);
    }
}
