using Dapper;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Baselines;

/// <summary>
/// Reference endpoints for the load runner, on the same Kestrel as the real API: the HTTP ceiling
/// (read the body, answer 200), the naive store (one transaction per request) and storage-only
/// group commit (the real path's rows, no rule work). Mapped only when <c>LoadTest:Baselines</c> is true.
/// </summary>
internal static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaselineEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/baseline").ExcludeFromDescription();
        group.MapPost("/noop", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            await RequestBody.ReadAsync(request, LeadEndpoints.MaxLeadBytes, cancellationToken);
            return TypedResults.Ok();
        });
        group.MapPost("/naive", async (HttpRequest request, IConnectionFactory connections, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync(request, LeadEndpoints.MaxLeadBytes, cancellationToken);
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO baseline_leads (id, received_at, payload) VALUES (@Id, @ReceivedAt, @Payload)",
                new { Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString(), ReceivedAt = clock.GetUtcNow(), Payload = System.Text.Encoding.UTF8.GetString(body ?? []) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok();
        });
        group.MapPost("/group-commit", async (HttpRequest request, BaselineGroupWriter writer, CancellationToken cancellationToken) =>
        {
            var body = await RequestBody.ReadAsync(request, LeadEndpoints.MaxLeadBytes, cancellationToken);
            var id = await writer.SubmitAsync(System.Text.Encoding.UTF8.GetString(body ?? []), BaselineLeadKeys.Read(body), cancellationToken);
            return TypedResults.Ok(new { id });
        });
        return routes;
    }
}
