using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.SqlClient;
using SalesOps.Routing.Storage.Tests.Infrastructure;

namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>
/// A uniquely named database on the server in <c>ROUTING_TEST_SQLSERVER</c>. The service creates it
/// itself (<c>Storage:CreateDatabase</c>), so that path is exercised too; it is dropped afterwards.
/// </summary>
public sealed class SqlServerContractDatabase(string owner) : ContractDatabase
{
    private readonly string? _connectionString = TestDatabases.SqlServer is null ? null : TestDatabases.NewSqlServerDatabase(owner);

    public override string? SkipReason => _connectionString is null ? $"{TestDatabases.SqlServerVariable} is not set" : null;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "SqlServer",
        ["Storage:CreateDatabase"] = "true",
        ["ConnectionStrings:Routing"] = _connectionString,
    };

    public override ValueTask DisposeAsync()
    {
        if (_connectionString is not null)
        {
            // Pooled connections would keep the database in use and block the drop.
            SqlConnection.ClearAllPools();
            DropDatabase.For.SqlDatabase(_connectionString, new NoOpUpgradeLog());
        }

        return ValueTask.CompletedTask;
    }
}
