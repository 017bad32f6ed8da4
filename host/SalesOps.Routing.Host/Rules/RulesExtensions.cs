namespace SalesOps.Routing.Host.Rules;

internal static class RulesExtensions
{
    public static WebApplicationBuilder AddRuleSets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RuleSetProvider>();
        builder.Services.AddHostedService<RuleSetLoader>();
        builder.Services.AddHostedService<RuleFileWatcher>();
        return builder;
    }
}
