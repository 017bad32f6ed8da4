using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

internal static class SecurityExtensions
{
    /// <summary>
    /// API keys, one policy per role, and a fallback policy: an endpoint that names no policy still
    /// needs a valid key, so a new endpoint cannot be left open by mistake. Anonymous endpoints
    /// (health, OpenAPI) say so with <c>AllowAnonymous()</c>.
    /// </summary>
    public static WebApplicationBuilder AddApiKeySecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddHostedService<ApiKeyStartupReport>();

        // The core services only: the full AddAuthentication also brings data protection, which
        // writes a key ring to the user profile for cookies this service never issues.
        builder.Services.AddAuthenticationCore(options =>
        {
            options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        });
        builder.Services.AddWebEncoders();

        // Registered, the handler is built by the container's compiled factory for each request;
        // otherwise ASP.NET Core builds it by reflection (ActivatorUtilities), 1 % of the host's CPU at 2,000 leads/s.
        builder.Services.AddTransient<ApiKeyAuthenticationHandler>();

        var authenticated = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(authenticated)
            .SetFallbackPolicy(authenticated)
            .AddPolicy(ApiRoles.Ingest, policy => policy.RequireRole(ApiRoles.Ingest))
            .AddPolicy(ApiRoles.Ops, policy => policy.RequireRole(ApiRoles.Ops))
            // Ops change reps and accounts by what they see, so an ops key reads too. Ingest stays
            // apart: a marketing system's key reads no decisions but its own, an ops key posts no leads.
            .AddPolicy(ApiRoles.Viewer, policy => policy.RequireRole(ApiRoles.Viewer, ApiRoles.Ops));
        return builder;
    }
}
