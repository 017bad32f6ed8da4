using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// Stops the start on a receiver the service could never reach or sign for, naming the setting. A
/// secret's value never appears in a message: only whether it is there and well formed.
/// </summary>
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Subscriptions.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{WebhookOptions.Section}:Subscriptions:{i}");
            var subscription = options.Subscriptions[i];
            CheckName(subscription.Name?.Trim(), at, names, failures);
            CheckUrl(subscription.Url, at, options.AllowHttp, failures);
            if (string.IsNullOrWhiteSpace(subscription.Secret))
                failures.Add($"{at}:Secret is required: {SecretHint}");
            else if (WebhookSignature.TryReadSecret(subscription.Secret.Trim()) is null)
                failures.Add($"{at}:Secret is not a usable signing secret: {SecretHint}");
            CheckEvents(subscription.Events, at, failures);
            if (!WebhookFormats.All.Contains(subscription.Format?.Trim().ToLowerInvariant()))
                failures.Add($"{at}:Format '{subscription.Format}' is not supported; use {string.Join(" or ", WebhookFormats.All)}.");
        }

        CheckTiming(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string SecretHint =>
        $"'{WebhookSignature.SecretPrefix}' followed by base64 of {WebhookSignature.MinKeyBytes} to {WebhookSignature.MaxKeyBytes} random bytes " +
        $"(echo {WebhookSignature.SecretPrefix}$(openssl rand -base64 32)).";

    private static void CheckName(string? name, string at, HashSet<string> names, List<string> failures)
    {
        if (string.IsNullOrEmpty(name))
            failures.Add($"{at}:Name is required.");
        else if (!NamePattern().IsMatch(name))
            failures.Add($"{at}:Name '{name}' may hold only letters, digits, '.', '_' and '-' (at most 64).");
        else if (!names.Add(name))
            failures.Add($"{at}:Name '{name}' is used by another subscription.");
    }

    private static void CheckUrl(string? url, string at, bool allowHttp, List<string> failures)
    {
        // The URL itself is not repeated: a Slack hook's path is its credential.
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{at}:Url must be an absolute http(s) URL.");
        else if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp && !uri.IsLoopback)
            failures.Add($"{at}:Url must use https (plain http is accepted for loopback addresses, or everywhere with {WebhookOptions.Section}:AllowHttp=true).");
    }

    private static void CheckEvents(List<string>? events, string at, List<string> failures)
    {
        if (events is null || events.Count == 0)
        {
            failures.Add($"{at}:Events needs at least one event type or '*'; types: {string.Join(", ", WebhookEventTypes.All)}.");
            return;
        }

        foreach (var pattern in events.Select(e => e?.Trim() ?? ""))
        {
            if (!WebhookEventTypes.All.Any(type => WebhookSubscription.Matches(pattern, type)))
                failures.Add($"{at}:Events has '{pattern}', which matches no event type; use '*', a family such as 'sla.*', or one of {string.Join(", ", WebhookEventTypes.All)}.");
        }
    }

    private static void CheckTiming(WebhookOptions options, List<string> failures)
    {
        var section = WebhookOptions.Section;
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromHours(1))
            failures.Add($"{section}:PollInterval must be from 00:00:00.010 to 01:00:00.");
        if (options.BatchSize is < 1 or > 10_000)
            failures.Add($"{section}:BatchSize must be from 1 to 10000.");
        if (options.MaxConcurrency is < 1 or > 64)
            failures.Add($"{section}:MaxConcurrency must be from 1 to 64.");
        if (options.Retries is < 0 or > 10)
            failures.Add($"{section}:Retries must be from 0 to 10.");
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
            failures.Add($"{section}:RetryDelay must be from 00:00:00 to 00:01:00.");
        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(100) || options.AttemptTimeout > TimeSpan.FromMinutes(5))
            failures.Add($"{section}:AttemptTimeout must be from 00:00:00.100 to 00:05:00.");
        if (options.Backoff <= TimeSpan.Zero || options.MaxBackoff < options.Backoff)
            failures.Add($"{section}:Backoff must be above zero and {section}:MaxBackoff at least as long.");
        if (options.MaxAttempts is < 1 or > 1000)
            failures.Add($"{section}:MaxAttempts must be from 1 to 1000.");
        if (options.Lease <= options.LongestRound)
            failures.Add($"{section}:Lease ({options.Lease}) must outlast a whole round of attempts ({options.LongestRound}), or a second host could send while the first still tries.");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
