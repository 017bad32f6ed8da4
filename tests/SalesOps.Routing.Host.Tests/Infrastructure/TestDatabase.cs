namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// Where test databases come from: a fresh SQLite file per test class under
/// <c>ROUTING_TEST_DATA</c> (default: the temp folder).
/// </summary>
internal static class TestDatabase
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("ROUTING_TEST_DATA")
        ?? Path.Combine(Path.GetTempPath(), "salesops-routing-tests");

    public static string NewSqliteFile(string owner)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{owner}-{Guid.NewGuid():N}.db");
    }
}
