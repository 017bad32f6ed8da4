using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// One round of attempts: a timeout per attempt inside retries with exponential back-off and jitter,
/// for the failures a later attempt can cure (network errors, timeouts, 408, 429, 5xx). Waits run on
/// the service's <see cref="TimeProvider"/>. A round that ends undelivered is rescheduled durably by
/// the dispatcher, with a longer back-off, rather than held in memory.
/// </summary>
internal sealed class WebhookPipeline(IOptions<WebhookOptions> options, TimeProvider clock)
{
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; } = Build(options.Value, clock);

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static ResiliencePipeline<HttpResponseMessage> Build(WebhookOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }
}
