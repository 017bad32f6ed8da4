using System.Data.Common;
using System.Text.Json;
using Dapper;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Writes <c>lead.assigned</c> and <c>lead.reassigned</c> into the outbox inside the stores'
/// transactions, and only when a subscription wants them, so the default ingest path writes no
/// extra row. The events name the lead by ids only, never by its personal data.
/// </summary>
internal sealed class WebhookLeadEvents(WebhookStatements sql, WebhookSubscriptions subscriptions, WebhookDispatchSignal signal) : ILeadEvents
{
    internal static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    public Task AssignedAsync(DbConnection connection, DbTransaction transaction, PendingLead pending, Decision decision, DateTimeOffset decidedAt,
        CancellationToken cancellationToken)
    {
        if (decision.RepId is null || !subscriptions.AnyWants(WebhookEventTypes.LeadAssigned))
            return Task.CompletedTask;

        var eventId = NewId(decidedAt);
        return InsertAsync(connection, transaction, eventId, WebhookEventTypes.LeadAssigned, pending.LeadId, decidedAt, new
        {
            eventId,
            type = WebhookEventTypes.LeadAssigned,
            occurredAt = decidedAt,
            leadId = pending.LeadId,
            source = pending.Input.Source,
            externalId = pending.Input.ExternalId,
            receivedAt = pending.ReceivedAt,
            status = decision.Status,
            teamId = decision.TeamId,
            repId = decision.RepId,
            repName = decision.RepName,
            score = decision.Score,
            qualified = decision.Qualified,
            ruleSetVersion = decision.RuleSetVersion,
        }, cancellationToken);
    }

    public async Task ReassignedAsync(DbConnection connection, DbTransaction transaction, string leadId, string fromRepId, string? toRepId, string? teamId,
        string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!subscriptions.AnyWants(WebhookEventTypes.LeadReassigned))
            return;

        var key = await connection.QuerySingleAsync<LeadKey>(new CommandDefinition(sql.SelectLeadKey, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        var eventId = NewId(now);
        await InsertAsync(connection, transaction, eventId, WebhookEventTypes.LeadReassigned, leadId, now, new
        {
            eventId,
            type = WebhookEventTypes.LeadReassigned,
            occurredAt = now,
            leadId,
            source = key.Source,
            externalId = key.ExternalId,
            fromRepId,
            toRepId,
            teamId,
            reason,
        }, cancellationToken);
    }

    public void Committed()
    {
        if (subscriptions.All.Count > 0)
            signal.Wake();
    }

    private Task InsertAsync(DbConnection connection, DbTransaction transaction, string eventId, string eventType, string leadId, DateTimeOffset occurredAt,
        object payload, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql.InsertEvent, new
        {
            EventId = eventId,
            EventType = eventType,
            LeadId = leadId,
            OccurredAt = occurredAt,
            Payload = JsonSerializer.Serialize(payload, EventJson),
        }, transaction, cancellationToken: cancellationToken));

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString();

    private sealed record LeadKey(string Source, string ExternalId);
}
