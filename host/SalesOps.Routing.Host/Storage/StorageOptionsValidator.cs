using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Checks the storage settings before anything opens a connection, so a typo stops the service at
/// start with a message that names the setting to fix.
/// </summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    private const string ConnectionKey = $"ConnectionStrings:{StorageOptions.ConnectionStringName}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var provider = StorageProviders.Canonical(options.Provider);
        if (provider is null)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider '{options.Provider}' is not supported; use '{StorageProviders.Sqlite}' (the default) or '{StorageProviders.SqlServer}'.");
        }

        return provider == StorageProviders.SqlServer
            ? ValidateSqlServer(configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            : ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult ValidateSqlServer(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            return ValidateOptionsResult.Fail($"{ConnectionKey} is required when Storage:Provider is '{StorageProviders.SqlServer}'.");

        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"{ConnectionKey} is not a valid SQL Server connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            return ValidateOptionsResult.Fail($"{ConnectionKey} must name the server (Server=...).");
        if (string.IsNullOrWhiteSpace(builder.InitialCatalog))
            return ValidateOptionsResult.Fail($"{ConnectionKey} must name the database (Database=...); without it the tables would land in the login's default database.");
        return ValidateOptionsResult.Success;
    }
}
