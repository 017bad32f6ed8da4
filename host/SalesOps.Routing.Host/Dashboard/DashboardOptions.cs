namespace SalesOps.Routing.Host.Dashboard;

internal sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>IANA time zone whose midnight starts the dashboard's "today" and "this week".</summary>
    public string TimeZone { get; set; } = "UTC";
}
