using SalesOps.Routing.Host.Dashboard;

namespace SalesOps.Routing.Host.Sla;

/// <summary>What a touch, pause or resume did inside its transaction: whether the lead exists, why nothing changed, what to tell the dashboard once committed.</summary>
internal sealed record SlaChange(bool Found, string? Problem, IReadOnlyList<DashboardEvent> Published)
{
    public static SlaChange NotFound { get; } = new(Found: false, null, []);

    /// <summary>True when the change is to be kept: the lead exists and nothing stood in the way.</summary>
    public bool Applied => Found && Problem is null;
}
