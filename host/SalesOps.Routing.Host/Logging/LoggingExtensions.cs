using Serilog;

namespace SalesOps.Routing.Host.Logging;

internal static class LoggingExtensions
{
    public static WebApplicationBuilder AddRoutingLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, configuration) => configuration
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }
}
