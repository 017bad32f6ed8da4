using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>
/// A rep's configuration and live state combined at one instant: everything the assignment rules
/// read about a rep. Value equality tells a warm session whether the rule network must hear about it.
/// </summary>
internal readonly record struct RepValues(
    bool Active,
    bool OutOfOffice,
    DateTimeOffset? OutOfOfficeTo,
    bool InWorkingHours,
    int? MaxOpenLeads,
    int? MaxLeadsPerDay,
    int OpenLeads,
    int AssignedToday,
    int Weight)
{
    /// <summary>
    /// True when every rule condition and every objection's wording reads the same from both. A
    /// counter without a cap and the weight are read only by distribution, which reads the fact
    /// itself when it picks, so a change to them alone need not travel the rule network.
    /// </summary>
    public bool JudgedAlike(in RepValues other) =>
        Active == other.Active
        && OutOfOffice == other.OutOfOffice
        && OutOfOfficeTo == other.OutOfOfficeTo
        && InWorkingHours == other.InWorkingHours
        && MaxOpenLeads == other.MaxOpenLeads
        && MaxLeadsPerDay == other.MaxLeadsPerDay
        && (MaxOpenLeads is null || OpenLeads == other.OpenLeads)
        && (MaxLeadsPerDay is null || AssignedToday == other.AssignedToday);

    /// <summary>Combines <paramref name="rep"/>'s configuration with <paramref name="live"/> state at <paramref name="now"/>, which is <paramref name="local"/> in the rep's zone.</summary>
    public static RepValues Of(RepDefinition rep, RepState live, DateTimeOffset now, DateTime local) => new(
        Active: live.Active ?? rep.Active,
        OutOfOffice: live.IsOutOfOffice(now),
        OutOfOfficeTo: live.OutOfOfficeTo,
        InWorkingHours: rep.WorkingHours?.IsOpenAt(local) ?? true,
        MaxOpenLeads: live.MaxOpenLeads ?? rep.MaxOpenLeads,
        MaxLeadsPerDay: live.MaxLeadsPerDay ?? rep.MaxLeadsPerDay,
        OpenLeads: live.OpenLeads,
        AssignedToday: live.AssignedDay == DateOnly.FromDateTime(local) ? live.AssignedToday : 0,
        Weight: live.Weight ?? rep.Weight);
}
