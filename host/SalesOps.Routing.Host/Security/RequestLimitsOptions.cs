using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Security;

/// <summary>Bounds on what one request may make the host read and parse.</summary>
internal sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request body Kestrel reads (413 past it). A lead has its own, smaller limit.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a bound body (400 past it).</summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 32;
}
