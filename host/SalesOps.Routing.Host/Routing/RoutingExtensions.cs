using NRules;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Host.Routing;

internal static class RoutingExtensions
{
    public static WebApplicationBuilder AddLeadRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Compiling the Rete network is the expensive part of NRules: once per process, a short session per lead.
        builder.Services.AddSingleton<ISessionFactory>(_ => AssignmentRules.Compile());
        builder.Services.AddSingleton<RepLoad>();
        builder.Services.AddHostedService<AccountSeeder>();
        return builder;
    }
}
