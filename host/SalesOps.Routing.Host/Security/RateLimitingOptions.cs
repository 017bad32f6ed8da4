using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Security;

/// <summary>A token bucket per API key (by key name) and one per client IP for calls without a valid key.</summary>
internal sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second for one key; below 1 means one request every 1/x seconds.</summary>
    [Range(0.001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests one key may send at once after a quiet spell.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 400;

    /// <summary>Sustained requests per second for one IP address without a valid key (401s and anonymous reads).</summary>
    [Range(0.001, 1_000_000)]
    public double AnonymousPermitsPerSecond { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int AnonymousBurst { get; set; } = 20;
}
