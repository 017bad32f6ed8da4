namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>The storage contract on the embedded SQLite file: always runs.</summary>
public sealed class SqliteLeadStoreTests : LeadStoreContract
{
    protected override ContractDatabase CreateDatabase() => new SqliteContractDatabase(nameof(SqliteLeadStoreTests));
}
