using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SalesOps.Routing.Host.Tests.Webhooks;

/// <summary>One request as the receiver got it; <c>Attempt</c> counts the requests seen so far with the same webhook-id.</summary>
internal sealed record ReceivedWebhook(
    string Path, string Id, string Timestamp, string Signature, string EventType, string ContentType, byte[] Body, int Attempt, DateTimeOffset ArrivedAt)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>
    /// Checks the signature as a receiver would, written out here rather than through the service's
    /// code: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64 part of the whsec_ secret.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.").Concat(Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }
}
