using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Benchmarks;

/// <summary>The lead every benchmark decides: a qualified German lead, decided on a European weekday morning.</summary>
internal static class BenchmarkLead
{
    public static readonly DateTimeOffset EuropeanMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static LeadInput Create() => new()
    {
        ExternalId = "bench-1", Source = "hubspot", Email = "jane.doe@acme-robotics.example", FirstName = "Jane", LastName = "Doe",
        Title = "VP Sales", Company = "Acme Robotics GmbH", Country = "Germany", Employees = 1200, LeadSource = "demo-request",
    };
}
