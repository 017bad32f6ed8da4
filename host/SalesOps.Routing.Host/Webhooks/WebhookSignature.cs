using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SalesOps.Routing.Host.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>,
/// keyed with the secret's bytes. Receivers can check it with any Standard Webhooks library.
/// </summary>
internal static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int MinKeyBytes = 24;
    public const int MaxKeyBytes = 64;

    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>The key bytes of a <c>whsec_…</c> secret, or null when it is not one (the prefix is required: a bare base64 text is too easily a password).</summary>
    public static byte[]? TryReadSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            return null;
        var encoded = secret[SecretPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written) || written is < MinKeyBytes or > MaxKeyBytes)
            return null;
        return buffer[..written];
    }
}
