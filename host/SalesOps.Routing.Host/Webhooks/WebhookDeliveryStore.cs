using Dapper;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>The delivery rows: claimed under a lease, completed by the claim's holder only, listed and retried by ops.</summary>
internal sealed class WebhookDeliveryStore(IConnectionFactory connections, WebhookStatements sql)
{
    private const int MaxErrorLength = 1000;

    /// <summary>
    /// The subscriptions with deliveries due now, configured or not: each is a lane of its own. A
    /// read, so an idle poll never takes the database's write lock.
    /// </summary>
    public async Task<IReadOnlyList<string>> DueSubscriptionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(sql.SelectDueSubscriptions, new { Now = now }, cancellationToken: cancellationToken))];
    }

    /// <summary>Claims up to <paramref name="take"/> due deliveries of one subscription for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string subscription, string token, DateTimeOffset now, TimeSpan lease, int take,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(sql.ClaimDue,
            new { Subscription = subscription, Token = token, Now = now, Until = now + lease, Take = take }, cancellationToken: cancellationToken));
        if (claimed == 0)
            return [];
        return [.. await connection.QueryAsync<ClaimedDelivery>(new CommandDefinition(sql.SelectClaimed, new { Token = token }, cancellationToken: cancellationToken))];
    }

    /// <summary>Records how a round ended; false when the lease ran out and another host holds the delivery now.</summary>
    public async Task<bool> CompleteAsync(long id, string token, string state, WebhookSendResult result, DateTimeOffset nextAttemptAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.CompleteDelivery, new
        {
            Id = id,
            Token = token,
            State = state,
            result.Tries,
            NextAttemptAt = nextAttemptAt,
            Now = now,
            result.StatusCode,
            Error = result.Error is { Length: > MaxErrorLength } error ? error[..MaxErrorLength] : result.Error,
            DeliveredAt = result.Delivered ? now : (DateTimeOffset?)null,
        }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives claimed deliveries back at once (on shutdown), so nobody waits for their lease to run out.</summary>
    public async Task ReleaseAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql.ReleaseClaims, new { Token = token }, cancellationToken: cancellationToken));
    }

    public async Task<WebhookDeliveryPage> ListAsync(WebhookDeliveryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DeliveryRow>(new CommandDefinition(sql.SelectDeliveries,
            new { query.State, query.Subscription, query.Before, Take = query.Limit }, cancellationToken: cancellationToken))).ToList();
        return new WebhookDeliveryPage([.. rows.Select(r => r.ToView())], rows.Count == query.Limit ? rows[^1].Id : null);
    }

    public async Task<WebhookDeliveryView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(sql.SelectDelivery, new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToView();
    }

    /// <summary>
    /// Makes a failed delivery due now, so it gets one more round of attempts, and returns it as the
    /// retry left it; null when it was not failed. Read in the retry's own transaction: a dispatcher
    /// pass already under way cannot claim it, let alone deliver it, between the change and the read.
    /// </summary>
    public async Task<WebhookDeliveryView?> RetryAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql.RetryFailed, new { Id = id, Now = now }, transaction, cancellationToken: cancellationToken)) != 1)
            return null;
        var row = await connection.QuerySingleAsync<DeliveryRow>(new CommandDefinition(sql.SelectDelivery, new { Id = id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return row.ToView();
    }

    private sealed class DeliveryRow
    {
        public long Id { get; init; }
        public string EventId { get; init; } = "";
        public string EventType { get; init; } = "";
        public string LeadId { get; init; } = "";
        public DateTimeOffset OccurredAt { get; init; }
        public string Subscription { get; init; } = "";
        public string State { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public DateTimeOffset? LastAttemptAt { get; init; }
        public int? LastStatusCode { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? DeliveredAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        public WebhookDeliveryView ToView() => new(Id, EventId, EventType, LeadId, Subscription, State, Attempts, OccurredAt, CreatedAt,
            State == WebhookDeliveryStates.Pending ? NextAttemptAt : null, LastAttemptAt, LastStatusCode, LastError, DeliveredAt);
    }
}
