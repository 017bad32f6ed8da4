using Microsoft.AspNetCore.Diagnostics;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Any endpoint whose database work meets a locked, unreachable or full database answers 503 with
/// Retry-After instead of 500: the caller did nothing wrong and can retry.
/// </summary>
internal sealed partial class StoreUnavailableHandler(IConnectionFactory connections, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreUnavailableException && !connections.IsUnavailable(exception))
            return false;
        LogUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        await new RetryAfterResult(
            TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: "The database is busy or unreachable; nothing was changed. Retry later."),
            TimeSpan.FromSeconds(2)).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable during {Method} {Path}")]
    private partial void LogUnavailable(Exception exception, string method, string path);
}
