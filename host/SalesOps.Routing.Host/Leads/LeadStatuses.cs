using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Leads;

/// <summary>The lifecycle a lead moves through after its routing decision.</summary>
internal static class LeadStatuses
{
    /// <summary>A rep is working the lead: this is its first touch.</summary>
    public const string Working = "working";

    /// <summary>Closed: the lead became an opportunity or customer.</summary>
    public const string Converted = "converted";

    /// <summary>Closed by sales as not a fit (also the status of leads the rules disqualified).</summary>
    public const string Disqualified = LeadStatus.Disqualified;

    public static IReadOnlyList<string> Settable { get; } = [Working, Converted, Disqualified];

    /// <summary>Open leads can be worked or closed; a worked lead can be closed; a closed lead stays closed.</summary>
    public static bool CanMove(string from, string to) => from switch
    {
        LeadStatus.Assigned or LeadStatus.Unassigned => Settable.Contains(to),
        Working => to is Converted or Disqualified,
        _ => false,
    };
}
