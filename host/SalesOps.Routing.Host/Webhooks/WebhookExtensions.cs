using Microsoft.Extensions.Options;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Webhooks.Sqlite;
using SalesOps.Routing.Host.Webhooks.SqlServer;

namespace SalesOps.Routing.Host.Webhooks;

internal static class WebhookExtensions
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IStorageProvider>().Name == StorageProviders.SqlServer
            ? SqlServerWebhookSql.Statements
            : SqliteWebhookSql.Statements);
        builder.Services.AddSingleton<WebhookSubscriptions>();
        builder.Services.AddSingleton<WebhookDispatchSignal>();
        builder.Services.AddSingleton<ILeadEvents, WebhookLeadEvents>();
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton<WebhookPipeline>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookFanOut>();
        builder.Services.AddSingleton<WebhookDeliveryStore>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService<WebhookDispatchService>();

        // The factory's own loggers write every request URI, and a Slack hook's URI is its credential.
        // Redirects are not followed: a receiver that moves says so in its configuration, not in a 3xx.
        // The timeout is the pipeline's, per attempt, on the service's clock.
        builder.Services.AddHttpClient(WebhookSender.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SalesOps.Routing-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        return builder;
    }
}
