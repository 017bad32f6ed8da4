using Microsoft.Data.SqlClient;

namespace SalesOps.Routing.Storage.Tests.Infrastructure;

/// <summary>
/// Where test databases come from: a fresh SQLite file under <c>ROUTING_TEST_DATA</c> (default: the
/// temp folder), and, when <c>ROUTING_TEST_SQLSERVER</c> holds a connection string, a freshly named
/// database on that server.
/// </summary>
internal static class TestDatabases
{
    public const string SqlServerVariable = "ROUTING_TEST_SQLSERVER";

    public static string SqliteRoot { get; } = Environment.GetEnvironmentVariable("ROUTING_TEST_DATA")
        ?? Path.Combine(Path.GetTempPath(), "salesops-routing-tests");

    /// <summary>The server the SQL Server variants run on; null when the variable is unset or blank.</summary>
    public static string? SqlServer { get; } = Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value && value.Trim().Length > 0
        ? value
        : null;

    public static string NewSqliteFile(string owner)
    {
        Directory.CreateDirectory(SqliteRoot);
        return Path.Combine(SqliteRoot, $"{owner}-{Guid.NewGuid():N}.db");
    }

    /// <summary>A connection string for a database that does not exist yet on the test server.</summary>
    public static string NewSqlServerDatabase(string owner)
    {
        var server = SqlServer ?? throw new InvalidOperationException($"{SqlServerVariable} is not set.");
        return new SqlConnectionStringBuilder(server) { InitialCatalog = $"routing_test_{owner}_{Guid.NewGuid():N}" }.ConnectionString;
    }
}
