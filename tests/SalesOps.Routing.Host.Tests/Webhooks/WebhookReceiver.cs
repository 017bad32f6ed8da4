using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 at a free port, as a CRM sync or Slack would be: it keeps every
/// request it gets (raw body bytes and headers) and answers what <see cref="Respond"/> says.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _attemptsById = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    public const int NoAnswer = 0;

    private volatile Func<ReceivedWebhook, int> _respond = _ => StatusCodes.Status200OK;

    private WebhookReceiver(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>Where to send: a path of <paramref name="path"/> on the receiver's address.</summary>
    public Uri UrlFor(string path) => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), path);

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>
    /// The status code for a request; the request says how many times its webhook-id has been seen,
    /// this one included. <see cref="NoAnswer"/> holds the request open until the sender gives up.
    /// </summary>
    public Func<ReceivedWebhook, int> Respond
    {
        get => _respond;
        set => _respond = value;
    }

    /// <summary>Starts a receiver; <paramref name="clock"/> stamps each arrival (the host's fake clock, to see back-off in the host's time).</summary>
    public static async Task<WebhookReceiver> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, clock);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var received = new ReceivedWebhook(
            context.Request.Path, id, headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(),
            headers["X-SalesOps-Event-Type"].ToString(), context.Request.ContentType ?? "", body.ToArray(),
            _attemptsById.AddOrUpdate(id, 1, (_, n) => n + 1), _clock.GetUtcNow());
        _received.Enqueue(received);
        var status = _respond(received);
        if (status == NoAnswer)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsync(context.Response.StatusCode < 300 ? "ok" : "receiver says no");
    }
}
