using System.Security.Cryptography;
using System.Text;

namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>The API keys test hosts accept: one per role and one with every role, configured by hash as in production.</summary>
internal static class TestKeys
{
    public const string AllRoles = "test-key-all-roles-5c1e";
    public const string Ingest = "test-key-ingest-81d2";
    public const string Ops = "test-key-ops-2b77";
    public const string Viewer = "test-key-viewer-e40a";

    public static IReadOnlyList<(string Name, string Key, string[] Roles)> All { get; } =
    [
        ("all-roles", AllRoles, ["ingest", "ops", "viewer"]),
        ("marketing", Ingest, ["ingest"]),
        ("ops-team", Ops, ["ops"]),
        ("dashboard", Viewer, ["viewer"]),
    ];

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The settings that configure <paramref name="keys"/>, as <c>Auth:ApiKeys:N:*</c> entries.</summary>
    public static Dictionary<string, string?> Settings(IEnumerable<(string Name, string Key, string[] Roles)> keys)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var (name, key, roles) in keys)
        {
            settings[$"Auth:ApiKeys:{i}:Name"] = name;
            settings[$"Auth:ApiKeys:{i}:KeySha256"] = Sha256Hex(key);
            for (var r = 0; r < roles.Length; r++)
                settings[$"Auth:ApiKeys:{i}:Roles:{r}"] = roles[r];
            i++;
        }

        return settings;
    }
}
