using System.Reflection;
using Microsoft.Data.SqlClient;

namespace SalesOps.Routing.Storage.Tests.Resilience;

/// <summary>
/// SQL Server errors as SqlClient raises them. SqlClient offers no public way to build its
/// exception, so this uses its internal factories (stable across 5.x to 7.x, pinned centrally).
/// </summary>
internal static class SqlExceptions
{
    private const BindingFlags Internal = BindingFlags.NonPublic | BindingFlags.Instance;

    public static SqlException WithNumber(int number)
    {
        var error = (SqlError)typeof(SqlError).GetConstructor(Internal, [
            typeof(int), typeof(byte), typeof(byte), typeof(string), typeof(string), typeof(string), typeof(int), typeof(Exception)])!
            .Invoke([number, (byte)1, (byte)16, "test-server", $"SQL Server error {number}", "", 1, null]);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructor(Internal, Type.EmptyTypes)!.Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", Internal)!.Invoke(errors, [error]);
        return (SqlException)typeof(SqlException)
            .GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string)])!
            .Invoke(null, [errors, "16.00.4135"])!;
    }
}
