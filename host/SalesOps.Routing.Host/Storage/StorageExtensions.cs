using Dapper;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage.Sqlite;

namespace SalesOps.Routing.Host.Storage;

internal static class StorageExtensions
{
    public static WebApplicationBuilder AddRoutingStorage(this WebApplicationBuilder builder)
    {
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.Provider is StorageProviders.Sqlite, $"Storage:Provider must be '{StorageProviders.Sqlite}'.")
            .ValidateOnStart();

        builder.Services.AddSingleton(sp =>
        {
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString("Routing") ?? "Data Source=data/routing.db";
            return new SqliteConnectionFactory(connectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
        });
        builder.Services.AddSingleton<IConnectionFactory>(sp => sp.GetRequiredService<SqliteConnectionFactory>());
        builder.Services.AddSingleton(SqliteLeadSql.Statements);
        builder.Services.AddSingleton(SqliteOpsSql.Statements);
        builder.Services.AddSingleton<RoutingStateStore>();
        builder.Services.AddSingleton<AssignmentContextLoader>();
        builder.Services.AddSingleton<ILeadStore, LeadStore>();
        builder.Services.AddSingleton<RoutingOpsStore>();
        builder.Services.AddSingleton(SqliteRuleVersionSql.Statements);
        builder.Services.AddSingleton<IRuleVersionStore, RuleVersionStore>();
        builder.Services.AddSingleton(SqliteDecisionHistorySql.Statements);
        builder.Services.AddSingleton<IDecisionHistory, DecisionHistory>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    private sealed class DatabaseInitializer(SqliteConnectionFactory factory, IOptions<StorageOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            factory.Initialize();
            logger.LogInformation("Storage {Provider} ready at {DatabasePath}", options.Value.Provider, factory.DatabasePath);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
