using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

/// <summary>
/// The keys this host accepts. Only their SHA-256 hashes are held. A presented key is hashed and
/// compared with every key in constant time, so neither a partial match nor which key matched shows
/// in the response time. With no keys configured, the documented development key is accepted only
/// when the host runs in Development and every address Kestrel listens on is loopback.
/// </summary>
internal sealed class ApiKeyRing
{
    private static readonly ApiKey Development = new("development", ApiKeyHash.Of(AuthOptions.DevelopmentKey), ApiRoles.All);
    private readonly IReadOnlyList<ApiKey> _configured;
    private readonly IHostEnvironment _environment;
    private readonly IServer _server;
    private bool? _developmentKeyActive;

    public ApiKeyRing(IOptions<AuthOptions> options, IHostEnvironment environment, IServer server)
    {
        _configured = [.. options.Value.ApiKeys.Select(k => new ApiKey(k.Name, Convert.FromHexString(k.KeySha256), [.. k.Roles.Distinct()]))];
        _environment = environment;
        _server = server;
    }

    public IReadOnlyList<ApiKey> Configured => _configured;

    /// <summary>The addresses Kestrel listens on; empty until the server has started.</summary>
    public IReadOnlyCollection<string> ServerAddresses => [.. _server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public bool IsDevelopment => _environment.IsDevelopment();

    /// <summary>Whether the development key works: no keys configured, Development, loopback only.</summary>
    public bool DevelopmentKeyActive
    {
        get
        {
            if (_developmentKeyActive is { } known)
                return known;
            if (_configured.Count > 0 || !IsDevelopment)
                return (_developmentKeyActive = false).Value;

            // Decided once the server has bound its addresses; before that, refuse without remembering.
            var addresses = ServerAddresses;
            return addresses.Count > 0 && (_developmentKeyActive = LoopbackAddresses.All(addresses)).Value;
        }
    }

    /// <summary>The key whose hash matches, or null.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = ApiKeyHash.Of(presented);
        ApiKey? match = null;
        foreach (var key in _configured.Count > 0 ? _configured : DevelopmentKeyActive ? [Development] : [])
        {
            // No early exit: every key is compared whatever matched before it.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Sha256))
                match ??= key;
        }

        return match;
    }
}
