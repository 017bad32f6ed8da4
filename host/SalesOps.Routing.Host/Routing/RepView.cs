using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Routing;

/// <summary>A rep as configured, with ops overrides applied, current load, and whether they can take a lead now.</summary>
internal sealed record RepView(
    string Id,
    string Name,
    string Team,
    string? Email,
    string TimeZone,
    string? WorkingHours,
    bool Active,
    OutOfOfficeView? OutOfOffice,
    int? MaxOpenLeads,
    int? MaxLeadsPerDay,
    int Weight,
    int OpenLeads,
    int AssignedToday,
    bool EligibleNow,
    IReadOnlyList<string> NotEligibleBecause)
{
    public static RepView From(RepEligibility eligibility)
    {
        var c = eligibility.Candidate;
        var live = eligibility.State;
        var ooo = live.OutOfOfficeFrom is { } from ? new OutOfOfficeView(from, live.OutOfOfficeTo) : null;
        return new RepView(c.Id, c.Rep.Name, c.Rep.TeamId, c.Rep.Email, c.Rep.Zone.Id, c.Rep.WorkingHours?.ToString(), c.Active, ooo,
            c.MaxOpenLeads, c.MaxLeadsPerDay, c.Weight, c.OpenLeads, c.AssignedToday, eligibility.Eligible, eligibility.Reasons);
    }
}

/// <summary>An out-of-office period; no end means until further notice.</summary>
internal sealed record OutOfOfficeView(DateTimeOffset From, DateTimeOffset? To);
