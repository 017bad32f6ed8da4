using System.Globalization;
using Microsoft.Extensions.Options;

namespace SalesOps.Routing.Host.Security;

/// <summary>Stops the start on a key that could never match or that grants nothing, naming the setting.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{AuthOptions.Section}:ApiKeys:{i}");
            if (string.IsNullOrWhiteSpace(key.Name))
                failures.Add($"{at}:Name is required.");
            else if (!names.Add(key.Name))
                failures.Add($"{at}:Name '{key.Name}' is used by another key.");
            if (!ApiKeyHash.IsSha256Hex(key.KeySha256))
                failures.Add($"{at}:KeySha256 must be the SHA-256 of the key as 64 hex digits (printf %s KEY | sha256sum).");
            if (key.Roles.Count == 0)
                failures.Add($"{at}:Roles needs at least one of {string.Join(", ", ApiRoles.All)}.");
            foreach (var role in key.Roles.Where(r => !ApiRoles.All.Contains(r)))
                failures.Add($"{at}:Roles has unknown role '{role}'; use {string.Join(", ", ApiRoles.All)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
