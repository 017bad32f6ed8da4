namespace SalesOps.Routing.Host.Routing;

/// <summary>The rep after a change, and the leads the change moved.</summary>
internal sealed record RepChangeResponse(RepView Rep, IReadOnlyList<ReassignmentView> Reassigned);
