namespace SalesOps.Routing.Engine.Sla;

/// <summary>One clock of a policy: how much business time the kind of step may take.</summary>
/// <param name="Kind">One of <see cref="SlaTargetKinds"/>.</param>
/// <param name="Duration">Business time allowed.</param>
public sealed record SlaTarget(string Kind, TimeSpan Duration);
