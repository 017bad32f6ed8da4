namespace SalesOps.Routing.Host.Webhooks;

internal enum WebhookRetryOutcome
{
    Retried,
    NotFound,
    NotFailed,
}
