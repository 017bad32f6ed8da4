using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Host.Storage.SqlServer;

namespace SalesOps.Routing.Host.Storage;

internal static class StorageExtensions
{
    private const string DefaultSqliteConnection = "Data Source=data/routing.db";

    public static WebApplicationBuilder AddRoutingStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddRoutingStorage();
        return builder;
    }

    /// <summary>Registers the provider that <c>Storage:Provider</c> names and the stores built on it.</summary>
    public static IServiceCollection AddRoutingStorage(this IServiceCollection services)
    {
        DateTimeOffsetHandler.Register();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(CreateProvider);
        services.AddSingleton<WriteTurns>();
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Connections);
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().LeadStatements);
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().OpsStatements);
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Retry);
        services.TryAddSingleton<ILeadClocks, NoLeadClocks>();
        services.TryAddSingleton<ILeadEvents, NoLeadEvents>();
        services.TryAddSingleton<IWriteStageTimer, NoWriteStageTimer>();
        services.AddSingleton<RoutingStateStore>();
        services.AddSingleton<AssignmentContextLoader>();
        services.AddSingleton<LeadStore>();
        services.AddSingleton<ILeadStore>(sp => new ResilientLeadStore(sp.GetRequiredService<LeadStore>(), sp.GetRequiredService<StoreRetry>()));
        services.AddSingleton<LeadOwnerMove>();
        services.AddSingleton<RoutingOpsStore>();
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerRuleVersionSql.Statements : SqliteRuleVersionSql.Statements);
        services.AddSingleton<IRuleVersionStore, RuleVersionStore>();
        services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerDecisionHistorySql.Statements : SqliteDecisionHistorySql.Statements);
        services.AddSingleton<IDecisionHistory, DecisionHistory>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        services.AddExceptionHandler<StoreUnavailableHandler>();
        return services;
    }

    private static IStorageProvider CreateProvider(IServiceProvider services)
    {
        // Reading the options runs the validator, so an unknown provider fails here with its message too.
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName);
        if (StorageProviders.Canonical(options.Provider) == StorageProviders.SqlServer)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SqlServerStorageProvider));
            return new SqlServerStorageProvider(new SqlServerConnectionFactory(connectionString!), options.CreateDatabase,
                SqlServerResilience.CreatePipeline(logger, TimeSpan.FromMilliseconds(100)), logger);
        }

        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new SqliteStorageProvider(new SqliteConnectionFactory(connectionString ?? DefaultSqliteConnection, contentRoot,
            services.GetRequiredService<IOptions<SqliteOptions>>().Value));
    }
}
