using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>Leads built for tests: a plain, unremarkable lead to vary with <c>with</c>.</summary>
internal static class Leads
{
    private static int _next;

    public static LeadInput Plain() => new()
    {
        ExternalId = $"test-{Interlocked.Increment(ref _next)}",
        Source = "web-form",
        Email = "pat.morgan@northwind.example",
        FirstName = "Pat",
        LastName = "Morgan",
        Title = "Operations Manager",
        Company = "Northwind",
        Country = "FR",
        Employees = 50,
    };

    /// <summary>A lead that passes the sample MQL threshold (demo request + business e-mail = 40).</summary>
    public static LeadInput Qualified() => Plain() with { LeadSource = "demo-request" };
}
