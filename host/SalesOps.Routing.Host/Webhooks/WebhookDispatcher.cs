using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Fans new outbox events out into deliveries, then sends what is due on one lane per subscription.
/// A lane runs on its own until nothing of its subscription is due, a few deliveries at a time, so a
/// receiver that times out slows only its own deliveries, never another subscription's nor the next
/// fan-out. A round that does not deliver is rescheduled with a durable back-off that doubles per
/// round; after <see cref="WebhookOptions.MaxAttempts"/> HTTP attempts the delivery is failed and
/// waits for an operator's retry.
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
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Fans out, and starts a lane for each subscription with deliveries due that has none running.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await fanOut.RunAsync(cancellationToken);
        foreach (var subscription in await store.DueSubscriptionsAsync(clock.GetUtcNow(), cancellationToken))
        {
            lock (_lanes)
            {
                if (_lanes.TryGetValue(subscription, out var running) && !running.Finished)
                {
                    // It may have claimed before these came due: it looks once more before it finishes.
                    running.Again = true;
                    continue;
                }

                var lane = new Lane();
                _lanes[subscription] = lane;
                lane.Task = Task.Run(() => RunLaneAsync(subscription, lane, cancellationToken), CancellationToken.None);
            }
        }
    }

    /// <summary>Completes when every lane has stopped; after the stopping token fired, each has handed back what it held.</summary>
    public Task LanesStoppedAsync()
    {
        lock (_lanes)
            return Task.WhenAll(_lanes.Values.Select(lane => lane.Task));
    }

    private async Task RunLaneAsync(string subscription, Lane lane, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var token = Guid.NewGuid().ToString();
                var claimed = await store.ClaimAsync(subscription, token, clock.GetUtcNow(), _options.Lease, _options.MaxConcurrency, cancellationToken);
                if (claimed.Count > 0)
                {
                    try
                    {
                        await Task.WhenAll(claimed.Select(delivery => DeliverAsync(delivery, token, cancellationToken)));
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Stopping: hand back what was not recorded, so another host (or this one, restarted) sends it at once.
                        await store.ReleaseAsync(token, CancellationToken.None);
                        return;
                    }

                    if (claimed.Count == _options.MaxConcurrency)
                        continue;
                }

                if (TryFinish(lane))
                    return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // What was claimed comes due again when its lease runs out; the next poll starts a new lane.
            LogLaneFailed(ex, subscription);
        }
        finally
        {
            lock (_lanes)
                lane.Finished = true;
        }
    }

    private bool TryFinish(Lane lane)
    {
        lock (_lanes)
        {
            lane.Finished = !lane.Again;
            lane.Again = false;
            return lane.Finished;
        }
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

    /// <summary>One subscription's sender; its flags are read and written under the dispatcher's lock.</summary>
    private sealed class Lane
    {
        public Task Task { get; set; } = Task.CompletedTask;

        public bool Again { get; set; }

        public bool Finished { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {EventType} {EventId} delivered to {Subscription} after {Attempts} attempts")]
    private partial void LogDelivered(string eventType, string eventId, string subscription, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} {EventId} not delivered to {Subscription} after {Attempts} attempts ({Error}); next try at {NextAttemptAt}")]
    private partial void LogRescheduled(string eventType, string eventId, string subscription, int attempts, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({EventType} {EventId}) to {Subscription} failed after {Attempts} attempts ({Error}); an ops key can retry it")]
    private partial void LogFailed(long deliveryId, string eventType, string eventId, string subscription, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending webhooks to {Subscription} failed; what it held is sent again when its lease runs out")]
    private partial void LogLaneFailed(Exception exception, string subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} outlasted its lease; another host has it now and its outcome here is dropped")]
    private partial void LogLeaseLost(long deliveryId, string subscription);
}
