namespace SalesOps.Routing.Host.Storage;

internal static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
