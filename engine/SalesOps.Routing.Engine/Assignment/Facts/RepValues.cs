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
