using Microsoft.AspNetCore.Diagnostics;

namespace SalesOps.Routing.Host.Security;

/// <summary>
/// A body the framework could not read (too large, too deep, not JSON) is the caller's error: its
/// status (400, 413) as problem+json, never a 500, whatever the environment.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Body too large", "The request body is larger than this host accepts."),
            BadHttpRequestException bad =>
                (bad.StatusCode, "Unreadable request body", "The body is not valid JSON, or nests deeper than this host accepts."),
            // A bound JsonElement keeps an escaped lone surrogate ("\ud800"); reading the string throws.
            InvalidOperationException invalid when (invalid.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) ?? false)
                && invalid.Message.Contains("UTF-16", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, "Unreadable request body", "A string holds a \\u escape that is not valid UTF-16."),
            _ => (0, "", ""),
        };
        if (status == 0)
            return false;
        await TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(httpContext);
        return true;
    }
}
