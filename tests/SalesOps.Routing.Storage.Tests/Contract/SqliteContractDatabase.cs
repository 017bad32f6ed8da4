using Microsoft.Data.Sqlite;
using SalesOps.Routing.Storage.Tests.Infrastructure;

namespace SalesOps.Routing.Storage.Tests.Contract;

public sealed class SqliteContractDatabase(string owner) : ContractDatabase
{
    private readonly string _path = TestDatabases.NewSqliteFile(owner);

    public override string? SkipReason => null;

    public override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["ConnectionStrings:Routing"] = $"Data Source={_path}",
    };

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
        return ValueTask.CompletedTask;
    }
}
