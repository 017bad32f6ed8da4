using System.Collections.Frozen;
using Microsoft.Data.SqlClient;

namespace SalesOps.Routing.Host.Storage.SqlServer;

/// <summary>The SQL Server errors after which rerunning the same transaction can succeed.</summary>
internal static class SqlServerTransientErrors
{
    /// <summary>
    /// SqlClient's own list (deadlock victim 1205, lock timeouts, Azure SQL throttling and failover
    /// such as 40613, 40197, 40501 and 49918, a database still opening 4060, a dropped login 233,
    /// 10060), plus what it leaves out because it cannot know a rerun is safe: a command timeout
    /// (-2) and connections cut mid-flight (10053, 10054, 64, 121). Here a rerun is safe, because a
    /// failed batch commits nothing and its idempotency lookups run inside the rerun.
    /// </summary>
    public static FrozenSet<int> Numbers { get; } = SqlConfigurableRetryFactory.BaselineTransientErrors
        .Concat([-2, 64, 121, 10053, 10054])
        .ToFrozenSet();

    public static bool IsTransient(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(error => Numbers.Contains(error.Number));

    /// <summary>The first error number of a SQL Server exception, for logs; null for any other exception.</summary>
    public static int? NumberOf(Exception? exception) => exception is SqlException sql ? sql.Number : null;
}
