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
    /// True when every rule condition and every objection's wording reads the same from both. The
    /// rules read a counter only against its cap, and quote it only in the objection of a rep who
    /// reached the cap; the weight and the counters themselves are read by distribution, which
    /// reads the fact when it picks. So a counter that moves while it stays under its cap (every
    /// assignment and touch of the usual rep) need not travel the rule network.
    /// </summary>
    public bool JudgedAlike(in RepValues other) =>
        Active == other.Active
        && OutOfOffice == other.OutOfOffice
        && OutOfOfficeTo == other.OutOfOfficeTo
        && InWorkingHours == other.InWorkingHours
        && MaxOpenLeads == other.MaxOpenLeads
        && MaxLeadsPerDay == other.MaxLeadsPerDay
        && CountedAlike(OpenLeads, other.OpenLeads, MaxOpenLeads)
        && CountedAlike(AssignedToday, other.AssignedToday, MaxLeadsPerDay);

    private static bool CountedAlike(int count, int otherCount, int? cap) =>
        cap is null || count == otherCount || (count < cap && otherCount < cap);

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
