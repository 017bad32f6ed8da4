namespace SalesOps.Routing.Engine.Decisions;

/// <summary>Outcome of a routing decision as reported over the API.</summary>
public static class LeadStatus
{
    /// <summary>A rep owns the lead.</summary>
    public const string Assigned = "assigned";
    /// <summary>A disqualifier fired; stored, never assigned.</summary>
    public const string Disqualified = "disqualified";
    /// <summary>Routed to a team but no rep took it (below the MQL threshold, or no eligible rep).</summary>
    public const string Unassigned = "unassigned";
}
