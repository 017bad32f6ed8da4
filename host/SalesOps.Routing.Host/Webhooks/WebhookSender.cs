using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Sends one delivery through one round of the pipeline. Every attempt carries the event id as
/// <c>webhook-id</c> (the same on every retry, so receivers deduplicate by it) and a fresh
/// <c>webhook-timestamp</c> and signature, as Standard Webhooks asks.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, WebhookPipeline pipeline, WebhookMetrics metrics, IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string ClientName = "webhooks";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string EventTypeHeader = "X-SalesOps-Event-Type";
    private const int MaxErrorLength = 500;
    private const int ResponseExcerptBytes = 300;

    public async Task<WebhookSendResult> SendAsync(WebhookSubscription subscription, ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var body = WebhookBody.For(subscription.Format, delivery.EventType, delivery.Payload);
        var client = clients.CreateClient(ClientName);
        var tries = 0;
        try
        {
            using var response = await pipeline.Pipeline.ExecuteAsync(async token =>
            {
                tries++;
                using var request = Request(subscription, delivery, body);
                try
                {
                    var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                    metrics.Attempt(subscription.Name, $"{(int)answer.StatusCode / 100}xx");
                    return answer;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    metrics.Attempt(subscription.Name, "timeout");
                    throw;
                }
                catch (HttpRequestException)
                {
                    metrics.Attempt(subscription.Name, "network");
                    throw;
                }
            }, cancellationToken);

            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new WebhookSendResult(true, tries, status, null)
                : new WebhookSendResult(false, tries, status, Trim($"HTTP {status}: {await ExcerptAsync(response, options.Value.AttemptTimeout, cancellationToken)}"));
        }
        catch (TimeoutRejectedException ex)
        {
            return new WebhookSendResult(false, tries, null, $"no response within {ex.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            // The error kind, not the message: a message may quote the address, and some addresses are credentials.
            return new WebhookSendResult(false, tries, null, $"network error: {ex.HttpRequestError}");
        }
    }

    private HttpRequestMessage Request(WebhookSubscription subscription, ClaimedDelivery delivery, byte[] body)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.TryAddWithoutValidation(IdHeader, delivery.EventId);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookSignature.Sign(subscription.Key.Span, delivery.EventId, timestamp, body));
        request.Headers.TryAddWithoutValidation(EventTypeHeader, delivery.EventType);
        return request;
    }

    /// <summary>The start of the receiver's answer, which usually says what it disliked ("invalid_payload", "bad signature").</summary>
    private async Task<string> ExcerptAsync(HttpResponseMessage response, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The body is read after the pipeline's timeout let go, so it gets one of its own.
        using var bounded = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bounded.Token, cancellationToken);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            var buffer = new byte[ResponseExcerptBytes];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, linked.Token);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim() is { Length: > 0 } clean ? clean : response.ReasonPhrase ?? "";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return response.ReasonPhrase ?? "";
        }
    }

    private static string Trim(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
