namespace SalesOps.Routing.Host.Storage;

internal static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>The provider's canonical name, whatever the case it was configured in; null when unknown.</summary>
    public static string? Canonical(string? configured) => configured?.Trim() switch
    {
        { } name when name.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
        { } name when name.Equals(SqlServer, StringComparison.OrdinalIgnoreCase) => SqlServer,
        _ => null,
    };
}
