using System.Security.Cryptography;
using System.Text;

namespace SalesOps.Routing.Host.Security;

internal static class ApiKeyHash
{
    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
