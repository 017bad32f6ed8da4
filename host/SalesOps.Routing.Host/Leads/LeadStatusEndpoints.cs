using System.Text.Json;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Security;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

internal static class LeadStatusEndpoints
{
    public static IEndpointRouteBuilder MapLeadStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/leads/{id}/status", ChangeStatusAsync)
            .WithTags("Leads")
            .WithSummary("Move a lead to working, converted or disqualified. The first change is its first touch and frees the rep's capacity.")
            .RequireAuthorization(ApiRoles.Ops);
        return routes;
    }

    private static async Task<IResult> ChangeStatusAsync(string id, JsonElement body, RoutingOpsStore store, DecisionWriter writer, DashboardEventHub dashboard,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var status = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()
            : null;
        if (status is null || !LeadStatuses.Settable.Contains(status))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = [$"must be one of {string.Join(", ", LeadStatuses.Settable)}"] },
                title: "The status change is invalid.");
        }

        var change = await writer.ChangeAsync((scope, token) => store.ChangeStatusAsync(scope, id, status, token), cancellationToken);
        if (change is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lead not found", detail: $"No lead has id '{id}'.");
        if (change.Applied)
            dashboard.Publish(new DashboardEvent("lead.status", id, null, null, clock.GetUtcNow()));
        return change.Applied
            ? TypedResults.Ok(new { id, status = change.To, previous = change.From })
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Status change not allowed",
                detail: $"A lead that is '{change.From}' cannot become '{change.To}'.");
    }
}
