using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

internal static class RequestLimitsExtensions
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        builder.Services.AddOptions<JsonOptions>().Configure<IOptions<RequestLimitsOptions>>((json, limits) =>
            json.SerializerOptions.MaxDepth = limits.Value.MaxJsonDepth);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }
}
