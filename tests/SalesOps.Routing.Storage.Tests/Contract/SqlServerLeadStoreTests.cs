namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>The storage contract on SQL Server: runs when ROUTING_TEST_SQLSERVER names a server, reports itself skipped otherwise.</summary>
public sealed class SqlServerLeadStoreTests : LeadStoreContract
{
    protected override ContractDatabase CreateDatabase() => new SqlServerContractDatabase(nameof(SqlServerLeadStoreTests));
}
