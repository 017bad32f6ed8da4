using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Helpers that rule expressions may call as <c>Fn.Name(...)</c>. Only types registered with the
/// expression parser are reachable, so this class is the whole of what expressions can do beyond
/// the lead, strings and numbers.
/// </summary>
public static class Fn
{
    // The non-backtracking engine matches in time linear in the input, so no pattern can stall routing.
    // A wall-clock budget would also fail good patterns on a busy machine and quietly change a score.
    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // Rule files hold a handful of patterns; beyond this many (patterns built from lead data) they are not kept.
    private const int MaxCachedPatterns = 1_000;

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Case-insensitive regular-expression match in linear time (no backreferences or lookarounds).</summary>
    public static bool Matches(string? input, string pattern) => input is not null && Pattern(pattern).IsMatch(input);

    /// <summary>The compiled pattern; throws <see cref="NotSupportedException"/> or <see cref="ArgumentException"/> for one the engine cannot run.</summary>
    internal static Regex Pattern(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var regex))
            return regex;
        regex = new Regex(pattern, PatternOptions);
        return Patterns.Count < MaxCachedPatterns ? Patterns.GetOrAdd(pattern, regex) : regex;
    }

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
