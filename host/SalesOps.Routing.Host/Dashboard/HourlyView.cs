namespace SalesOps.Routing.Host.Dashboard;

/// <summary>Leads received per hour of today in the dashboard's time zone.</summary>
internal sealed record HourlyView(string TimeZone, DateTimeOffset DayStart, IReadOnlyList<int> Counts);
