using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: a rep who might take the lead, with configuration and current state already combined.</summary>
public sealed record RepCandidate
{
    /// <summary>The configured rep.</summary>
    public required RepDefinition Rep { get; init; }

    /// <summary>The rep's live state.</summary>
    public required RepState State { get; init; }

    /// <summary>True when the rep belongs to the routed team (owners from other teams are candidates too).</summary>
    public required bool InTeam { get; init; }

    /// <summary>True for the rep a lead is being reassigned away from: never chosen again for it.</summary>
    public bool Excluded { get; init; }

    /// <summary>Position in the team's rotation order.</summary>
    public required int Order { get; init; }

    /// <summary>Effective active flag.</summary>
    public required bool Active { get; init; }

    /// <summary>True when out of office at the decision instant.</summary>
    public required bool OutOfOffice { get; init; }

    /// <summary>True when the decision instant falls in the rep's working hours (or none are set).</summary>
    public required bool InWorkingHours { get; init; }

    /// <summary>Effective cap on leads awaiting first touch.</summary>
    public required int? MaxOpenLeads { get; init; }

    /// <summary>Effective daily cap.</summary>
    public required int? MaxLeadsPerDay { get; init; }

    /// <summary>Leads assigned today in the rep's time zone.</summary>
    public required int AssignedToday { get; init; }

    /// <summary>Effective weight.</summary>
    public required int Weight { get; init; }

    /// <summary>Rep id.</summary>
    public string Id => Rep.Id;
}
