namespace SalesOps.Routing.Host.Baselines;

internal static class BaselineExtensions
{
    public static WebApplicationBuilder AddLoadTestBaselines(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>($"{BaselineOptions.Section}:{nameof(BaselineOptions.Baselines)}"))
        {
            builder.Services.AddSingleton<BaselineGroupWriter>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<BaselineGroupWriter>());
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapLoadTestBaselines(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{BaselineOptions.Section}:{nameof(BaselineOptions.Baselines)}"))
            app.MapBaselineEndpoints();
        return app;
    }
}
