using Dapper;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Turns undispatched outbox events into one delivery row per subscription that wants them, and
/// marks each event dispatched in the same transaction. An event no subscription wants is marked
/// dispatched with no rows: a receiver configured later gets events from then on, not a backlog.
/// </summary>
internal sealed class WebhookFanOut(
    IConnectionFactory connections,
    WebhookStatements sql,
    WebhookSubscriptions subscriptions,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    private readonly int _batchSize = options.Value.BatchSize;

    /// <summary>Fans out until nothing is left; returns how many delivery rows it created.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var (events, deliveries) = await BatchAsync(cancellationToken);
            created += deliveries;
            if (events < _batchSize)
                break;
        }

        return created;
    }

    private async Task<(int Events, int Deliveries)> BatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A read first, so an idle poll never takes the database's write lock.
        if (!(await connection.QueryAsync<EventRow>(new CommandDefinition(sql.SelectUndispatched, new { Take = 1 }, cancellationToken: cancellationToken))).Any())
            return (0, 0);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(sql.SelectUndispatched, new { Take = _batchSize }, transaction,
            cancellationToken: cancellationToken))).ToList();
        var created = 0;
        foreach (var item in events)
        {
            // Another host may have taken the event since it was read; whoever marks it fans it out.
            if (await connection.ExecuteAsync(new CommandDefinition(sql.MarkDispatched, new { Now = now, item.Seq }, transaction, cancellationToken: cancellationToken)) != 1)
                continue;
            foreach (var subscription in subscriptions.For(item.EventType))
            {
                await connection.ExecuteAsync(new CommandDefinition(sql.InsertDelivery,
                    new { item.Seq, item.EventId, Subscription = subscription.Name, Now = now }, transaction, cancellationToken: cancellationToken));
                created++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (events.Count, created);
    }

    private sealed class EventRow
    {
        public long Seq { get; init; }
        public string EventId { get; init; } = "";
        public string EventType { get; init; } = "";
    }
}
