namespace SalesOps.Routing.Host.Webhooks;

/// <summary>Where events go and how hard the service tries; checked at start by <see cref="WebhookOptionsValidator"/>.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public List<WebhookSubscriptionOptions> Subscriptions { get; set; } = [];

    /// <summary>False leaves delivering to other hosts on the same database; events are still written.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>How often the dispatcher looks for new events and for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most outbox events fanned out in one transaction.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Deliveries in flight at once to one subscription; subscriptions are sent side by side.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Plain http to a host that is not loopback; off, so a signed event and its data never cross a network in clear.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Retries of one attempt round, in process, after a network error, a timeout, 408, 429 or 5xx.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The median wait before the first in-process retry; it doubles for each further one, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one HTTP attempt may take, response headers included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first round that did not deliver; it doubles for each further round, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>HTTP attempts, all rounds together, after which a delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>How long a claimed delivery belongs to the host that claimed it; must outlast a whole round.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public int AttemptsPerRound => Retries + 1;

    /// <summary>The longest wait Polly may put between two attempts of a round (the exponential median, capped).</summary>
    public TimeSpan MaxRetryDelay => RetryDelay * Math.Pow(2, Retries);

    /// <summary>The longest a round can last: every attempt timing out, every wait at its cap.</summary>
    public TimeSpan LongestRound => AttemptTimeout * AttemptsPerRound + MaxRetryDelay * Retries;

    /// <summary>The durable wait after a round that did not deliver, by how many attempts have been made so far.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var rounds = Math.Max(0, (attempts - 1) / AttemptsPerRound);
        var delay = Backoff * Math.Pow(2, Math.Min(rounds, 30));
        return delay < MaxBackoff ? delay : MaxBackoff;
    }
}
