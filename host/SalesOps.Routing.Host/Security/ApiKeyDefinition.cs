namespace SalesOps.Routing.Host.Security;

/// <summary>
/// One configured key: <c>Auth:ApiKeys:N:Name</c>, <c>Auth:ApiKeys:N:KeySha256</c> (the SHA-256 of
/// the key as lower-case hex; the key itself is never configured) and <c>Auth:ApiKeys:N:Roles</c>.
/// </summary>
internal sealed class ApiKeyDefinition
{
    /// <summary>Who holds the key ("hubspot", "ops-team"); it appears in logs, the key never does.</summary>
    public string Name { get; set; } = "";

    public string KeySha256 { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}
