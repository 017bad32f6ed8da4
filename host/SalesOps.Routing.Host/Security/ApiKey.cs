namespace SalesOps.Routing.Host.Security;

/// <summary>A key the host accepts: who holds it, the SHA-256 of its text, and what it may do.</summary>
internal sealed record ApiKey(string Name, byte[] Sha256, IReadOnlyList<string> Roles);
