using System.Text.RegularExpressions;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Helpers that rule expressions may call as <c>Fn.Name(...)</c>. Only types registered with the
/// expression parser are reachable, so this class is the whole of what expressions can do beyond
/// the lead, strings and numbers.
/// </summary>
public static class Fn
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(50);

    /// <summary>Case-insensitive regular-expression match, bounded in time so a bad pattern cannot stall routing.</summary>
    public static bool Matches(string? input, string pattern) =>
        input is not null && Regex.IsMatch(input, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget);

    /// <summary>True when <paramref name="input"/> equals one of <paramref name="values"/>, ignoring case.</summary>
    public static bool In(string? input, params string[] values) =>
        input is not null && values.Contains(input, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="input"/> contains <paramref name="value"/>, ignoring case.</summary>
    public static bool ContainsText(string? input, string value) =>
        input is not null && input.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="input"/> starts with one of <paramref name="prefixes"/>, ignoring case.</summary>
    public static bool StartsWithAny(string? input, params string[] prefixes) =>
        input is not null && prefixes.Any(p => input.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
