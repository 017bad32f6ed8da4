using System.Net;

namespace SalesOps.Routing.Host.Security;

/// <summary>Whether Kestrel listens only where no other machine can reach it.</summary>
internal static class LoopbackAddresses
{
    /// <summary>
    /// True when there is at least one address and every one is localhost, 127.0.0.0/8 or ::1.
    /// Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>), host names and Unix sockets are not.
    /// </summary>
    public static bool All(IReadOnlyCollection<string> addresses) => addresses.Count > 0 && addresses.All(IsLoopback);

    public static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
            return false;
        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
