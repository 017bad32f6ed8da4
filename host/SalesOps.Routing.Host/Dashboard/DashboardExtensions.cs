using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Dashboard;

internal static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Dashboard:TimeZone must be an IANA time zone.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DashboardEventHub>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerDashboardSql.Statements
            : SqliteDashboardSql.Statements);
        builder.Services.AddSingleton<DashboardQueries>();
        return builder;
    }

    /// <summary>
    /// The page at / (wwwroot) and the JSON and event endpoints behind it. The static files are
    /// served before authentication: they hold no data. The endpoints need a viewer key, which the
    /// page asks for and keeps for the browser session.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapDashboardEndpoints();
        return app;
    }
}
