using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

internal static class RateLimitingExtensions
{
    /// <summary>
    /// One global limiter partitioned by caller: the key's name when authenticated (so one noisy
    /// marketing system cannot starve the others), else the client IP (which also slows key guessing).
    /// Runs after authentication; a refused call gets 429 with Retry-After as problem+json.
    /// </summary>
    public static WebApplicationBuilder AddApiRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            if (!limits.Enabled)
                return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity is { IsAuthenticated: true, Name: { } name }
                    ? RateLimitPartition.GetTokenBucketLimiter($"key:{name}", _ => Bucket(limits.PermitsPerSecond, limits.Burst))
                    : RateLimitPartition.GetTokenBucketLimiter($"ip:{context.Connection.RemoteIpAddress}",
                        _ => Bucket(limits.AnonymousPermitsPerSecond, limits.AnonymousBurst)));
        });
        return builder;
    }

    private static TokenBucketRateLimiterOptions Bucket(double permitsPerSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = permitsPerSecond >= 1 ? (int)Math.Round(permitsPerSecond) : 1,
        ReplenishmentPeriod = permitsPerSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / permitsPerSecond),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This caller's rate limit is used up; retry after {seconds} s.").ExecuteAsync(rejected.HttpContext);
    }
}
