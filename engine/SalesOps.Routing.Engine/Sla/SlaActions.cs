namespace SalesOps.Routing.Engine.Sla;

/// <summary>The names of the things a policy can do when a clock runs out, and whom they address.</summary>
public static class SlaActions
{
    /// <summary>Tell people: the breach event names them.</summary>
    public const string Notify = "notify";
    /// <summary>Give the lead to the team's next eligible rep, with a fresh first-touch clock.</summary>
    public const string Reassign = "reassign";
    /// <summary>Hand the breach to the team's manager or to a named queue.</summary>
    public const string Escalate = "escalate";

    /// <summary>The lead's owner.</summary>
    public const string Rep = "rep";
    /// <summary>The owning team's manager, from the policy file's team settings.</summary>
    public const string Manager = "manager";
    /// <summary>The owning team as a whole.</summary>
    public const string Team = "team";
    /// <summary>Prefix of an escalation to a queue: <c>queue:sales-leadership</c>.</summary>
    public const string QueuePrefix = "queue:";

    /// <summary>Every action the policy file accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [Notify, Reassign, Escalate];
}
