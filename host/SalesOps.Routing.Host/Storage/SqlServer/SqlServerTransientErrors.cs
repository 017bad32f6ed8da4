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

    /// <summary>True for a transient SQL Server error, also when it comes wrapped (a failed migration wraps its cause).</summary>
    public static bool IsTransient(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqlException sql)
                return sql.Errors.Cast<SqlError>().Any(error => Numbers.Contains(error.Number));
        }

        return false;
    }

    /// <summary>The first error number of the SQL Server exception in the chain, for logs; null when there is none.</summary>
    public static int? NumberOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqlException sql)
                return sql.Number;
        }

        return null;
    }
}
