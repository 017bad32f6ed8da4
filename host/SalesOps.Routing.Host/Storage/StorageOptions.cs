namespace SalesOps.Routing.Host.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProviders.Sqlite"/> (default) or <see cref="StorageProviders.SqlServer"/>.</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;
}
