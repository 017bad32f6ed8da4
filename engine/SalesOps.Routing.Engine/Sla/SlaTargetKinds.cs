namespace SalesOps.Routing.Engine.Sla;

/// <summary>The clocks a policy can run on a lead.</summary>
public static class SlaTargetKinds
{
    /// <summary>From assignment to the owner's first touch; restarts for a new owner after a reassignment.</summary>
    public const string FirstTouch = "first-touch";

    /// <summary>From the first touch to the next one.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>Every kind the policy file accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [FirstTouch, FollowUp];
}
