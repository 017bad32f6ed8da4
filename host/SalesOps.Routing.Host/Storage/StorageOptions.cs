namespace SalesOps.Routing.Host.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "Routing";

    /// <summary><see cref="StorageProviders.Sqlite"/> (default) or <see cref="StorageProviders.SqlServer"/>.</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    public MigrationMode Migrations { get; set; } = MigrationMode.Apply;

    /// <summary>SQL Server only: create the database named in the connection string when it does not exist.</summary>
    public bool CreateDatabase { get; set; }
}
