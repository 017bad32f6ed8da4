using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

/// <summary>
/// Reads the key from <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>, finds it in the
/// <see cref="ApiKeyRing"/>, and answers 401 and 403 as problem+json.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string Realm = "Bearer realm=\"SalesOps.Routing\"";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
            return Task.FromResult(AuthenticateResult.NoResult());

        var key = keys.Find(presented);
        if (key is null)
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));

        Claim[] claims = [new(ClaimTypes.Name, key.Name), .. key.Roles.Select(role => new Claim(ClaimTypes.Role, role))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = failed ? $"{Realm}, error=\"invalid_token\"" : Realm;
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: failed ? "Invalid API key" : "API key required",
            detail: failed
                ? "The API key is not valid. Check for a rotated or mistyped key."
                : $"Send an API key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Distinct().ToArray() ?? [];
        await TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Role required",
            detail: $"The key '{Context.User.Identity?.Name}' does not have the role this endpoint needs ({string.Join(", ", needed)}).")
            .ExecuteAsync(Context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return NonEmpty(authorization["Bearer ".Length..]);
        return NonEmpty(request.Headers[HeaderName].ToString());
    }

    private static string? NonEmpty(string value) => value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
}
