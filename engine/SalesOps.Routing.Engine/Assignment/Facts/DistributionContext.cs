namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: the routing state distribution rules read to pick a rep fairly.</summary>
/// <param name="State">Rotation and rep state inside the current transaction.</param>
public sealed record DistributionContext(RoutingState State);
