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
        if (exception is not BadHttpRequestException bad)
            return false;
        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        await TypedResults.Problem(
            statusCode: bad.StatusCode,
            title: tooLarge ? "Body too large" : "Unreadable request body",
            detail: tooLarge ? "The request body is larger than this host accepts." : "The body is not valid JSON, or nests deeper than this host accepts.")
            .ExecuteAsync(httpContext);
        return true;
    }
}
