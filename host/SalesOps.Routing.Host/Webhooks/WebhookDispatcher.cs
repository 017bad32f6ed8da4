using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// One pass of delivery: fans new outbox events out into deliveries, then claims and sends what is
/// due, a few at a time, until nothing due is left. A round that does not deliver is rescheduled
/// with a durable back-off that doubles per round; after <see cref="WebhookOptions.MaxAttempts"/>
/// HTTP attempts the delivery is failed and waits for an operator's retry.
/// </summary>
internal sealed partial class WebhookDispatcher(
    WebhookFanOut fanOut,
    WebhookDeliveryStore store,
    WebhookSender sender,
    WebhookSubscriptions subscriptions,
    WebhookMetrics metrics,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    private readonly WebhookOptions _options = options.Value;

    /// <summary>Returns how many deliveries were created and how many rounds were sent.</summary>
    public async Task<(int Created, int Sent)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var created = await fanOut.RunAsync(cancellationToken);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var token = Guid.NewGuid().ToString();
            var claimed = await store.ClaimAsync(token, clock.GetUtcNow(), _options.Lease, _options.MaxConcurrency, cancellationToken);
            if (claimed.Count == 0)
                break;

            try
            {
                await Task.WhenAll(claimed.Select(delivery => DeliverAsync(delivery, token, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: hand back what was not recorded, so another host (or this one, restarted) sends it at once.
                await store.ReleaseAsync(token, CancellationToken.None);
                throw;
            }

            sent += claimed.Count;
            if (claimed.Count < _options.MaxConcurrency)
                break;
        }

        return (created, sent);
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, string token, CancellationToken cancellationToken)
    {
        var subscription = subscriptions.Find(delivery.Subscription);
        var result = subscription is null
            ? new WebhookSendResult(false, 0, null, $"subscription '{delivery.Subscription}' is no longer configured")
            : await sender.SendAsync(subscription, delivery, cancellationToken);

        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + result.Tries;
        var state = result.Delivered ? WebhookDeliveryStates.Delivered
            : subscription is null || attempts >= _options.MaxAttempts ? WebhookDeliveryStates.Failed
            : WebhookDeliveryStates.Pending;
        var next = state == WebhookDeliveryStates.Pending ? now + _options.BackoffAfter(attempts) : now;

        // Not the stopping token: the round has happened, and its outcome is worth a short write even
        // while the host stops; otherwise a delivered event would be sent again.
        if (!await store.CompleteAsync(delivery.Id, token, state, result, next, now, CancellationToken.None))
        {
            LogLeaseLost(delivery.Id, delivery.Subscription);
            return;
        }

        switch (state)
        {
            case WebhookDeliveryStates.Delivered:
                metrics.RoundEnded(delivery.Subscription, "delivered");
                metrics.Delivered(delivery.Subscription, now - delivery.OccurredAt);
                LogDelivered(delivery.EventType, delivery.EventId, delivery.Subscription, attempts);
                break;
            case WebhookDeliveryStates.Pending:
                metrics.RoundEnded(delivery.Subscription, "rescheduled");
                LogRescheduled(delivery.EventType, delivery.EventId, delivery.Subscription, attempts, result.Error, next);
                break;
            default:
                metrics.RoundEnded(delivery.Subscription, "failed");
                LogFailed(delivery.Id, delivery.EventType, delivery.EventId, delivery.Subscription, attempts, result.Error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {EventType} {EventId} delivered to {Subscription} after {Attempts} attempts")]
    private partial void LogDelivered(string eventType, string eventId, string subscription, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} {EventId} not delivered to {Subscription} after {Attempts} attempts ({Error}); next try at {NextAttemptAt}")]
    private partial void LogRescheduled(string eventType, string eventId, string subscription, int attempts, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({EventType} {EventId}) to {Subscription} failed after {Attempts} attempts ({Error}); an ops key can retry it")]
    private partial void LogFailed(long deliveryId, string eventType, string eventId, string subscription, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} outlasted its lease; another host has it now and its outcome here is dropped")]
    private partial void LogLeaseLost(long deliveryId, string subscription);
}
