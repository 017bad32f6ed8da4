namespace SalesOps.Routing.Host.Security;

internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The key that works with no keys configured, in Development, on loopback only.</summary>
    public const string DevelopmentKey = "dev-local-key";

    public List<ApiKeyDefinition> ApiKeys { get; set; } = [];
}
