using Serilog;
using Serilog.Events;

namespace SalesOps.Routing.Host.Logging;

internal static class LoggingExtensions
{
    public static WebApplicationBuilder AddRoutingLogging(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: every ILogger<T> writes to this host's logger, which the host disposes
        // (and so flushes) when it stops. Otherwise they would write to the static Log.Logger, which
        // belongs to whichever host in the process was built last.
        builder.Services.AddSerilog((services, configuration) => configuration
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            // Last, so it sees the properties every other enricher added.
            .Enrich.With<SensitiveDataMasker>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture), preserveStaticLogger: true);

        // Serilog's factory, registered last, is the one resolved; it is kept, inside a cache of its loggers.
        var serilogFactory = builder.Services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        if (serilogFactory.ImplementationFactory is not { } createSerilogFactory)
            throw new InvalidOperationException("Serilog's AddSerilog no longer registers its logger factory through a factory method; the logger cache must be wired anew.");
        builder.Services.Remove(serilogFactory);
        builder.Services.AddSingleton<ILoggerFactory>(services => new CachingLoggerFactory((ILoggerFactory)createSerilogFactory(services)));
        return builder;
    }

    /// <summary>
    /// One line per request: method, path (no query string), status, time and the key's name. Never
    /// headers or bodies, so neither keys nor lead data reach the log.
    /// </summary>
    public static IApplicationBuilder UseRoutingRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static Log.Logger, which belongs to whichever host set it last.
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {Client}";
            options.IncludeQueryInRequestPath = false;
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500
                ? LogEventLevel.Error
                : context.Response.StatusCode is 401 or 403 or 429 ? LogEventLevel.Warning : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
                diagnostics.Set("Client", context.User.Identity?.Name ?? "anonymous");
        });
}
