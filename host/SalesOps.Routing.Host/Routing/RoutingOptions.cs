using System.ComponentModel.DataAnnotations;

namespace SalesOps.Routing.Host.Routing;

internal sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>A new lead with the e-mail of an open lead received within this many days goes to that lead's owner.</summary>
    [Range(0, 3650)]
    public int DuplicateWindowDays { get; set; } = 30;
}
