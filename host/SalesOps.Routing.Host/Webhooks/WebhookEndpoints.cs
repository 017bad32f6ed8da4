using Microsoft.AspNetCore.Http.HttpResults;
using SalesOps.Routing.Host.Security;

namespace SalesOps.Routing.Host.Webhooks;

internal static class WebhookEndpoints
{
    private const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/deliveries", ListAsync).RequireAuthorization(ApiRoles.Viewer)
            .WithName("ListWebhookDeliveries").WithSummary("Webhook deliveries newest first, by state and subscription, paged with before=<id>.");
        webhooks.MapGet("/deliveries/{id}", GetAsync).RequireAuthorization(ApiRoles.Viewer)
            .WithName("GetWebhookDelivery").WithSummary("One webhook delivery: its event, state, attempts and last error.");
        webhooks.MapPost("/deliveries/{id}/retry", RetryAsync).RequireAuthorization(ApiRoles.Ops)
            .WithName("RetryWebhookDelivery").WithSummary("Make a failed delivery due now; it gets one more round of attempts.");
        return routes;
    }

    private static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem>> ListAsync(
        WebhookDeliveryStore store, CancellationToken cancellationToken, string? state = null, string? subscription = null, int limit = 50, long? before = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (state is not null && !WebhookDeliveryStates.All.Contains(state))
            errors["state"] = [$"must be one of {string.Join(", ", WebhookDeliveryStates.All)}"];
        if (subscription is { Length: > 64 })
            errors["subscription"] = ["is at most 64 characters"];
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"must be from 1 to {MaxLimit}"];
        if (before is < 1)
            errors["before"] = ["must be a delivery id"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The query has invalid parameters.");

        var query = new WebhookDeliveryQuery(state, string.IsNullOrWhiteSpace(subscription) ? null : subscription, before, limit);
        return TypedResults.Ok(await store.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<WebhookDeliveryView>, ProblemHttpResult>> GetAsync(long id, WebhookDeliveryStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } delivery ? TypedResults.Ok(delivery) : NotFound(id);

    private static async Task<Results<Accepted<WebhookDeliveryView>, ProblemHttpResult>> RetryAsync(
        long id, WebhookDeliveryStore store, WebhookSubscriptions subscriptions, WebhookDispatchSignal signal, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var delivery = await store.GetAsync(id, cancellationToken);
        if (delivery is null)
            return NotFound(id);
        if (subscriptions.Find(delivery.Subscription) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Subscription not configured",
                detail: $"Delivery {id} is for subscription '{delivery.Subscription}', which is no longer configured.");
        }

        if (await store.RetryAsync(id, clock.GetUtcNow(), cancellationToken) is not { } retried)
        {
            var state = (await store.GetAsync(id, cancellationToken))?.State ?? delivery.State;
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery not failed",
                detail: $"Delivery {id} is {state}; only a failed delivery can be retried.");
        }

        // The answer is the delivery as the retry left it (pending), not whatever state an attempt
        // has reached by the time it could be read again.
        signal.Wake();
        return TypedResults.Accepted($"/api/webhooks/deliveries/{id}", retried);
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"No webhook delivery has id {id}.");
}
