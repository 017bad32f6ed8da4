using System.Collections.Frozen;
using System.Linq.Expressions;
using SalesOps.Routing.Engine.Leads;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// The routing rules a lead can match, found without running the others. Territory files are long
/// lists of country, state or postal-code rules, and a lead from one country matches none of the
/// rules for the rest; running each of them costs a delegate call that misses the processor's caches.
/// The index keys on the lead field most rules guard (see <see cref="RuleGuard"/>): for each value,
/// the rules guarded by that value plus every unguarded rule, in priority order. A lead's first match
/// is therefore the one a scan of the whole list would find.
/// </summary>
internal sealed class RoutingIndex
{
    private readonly Func<LeadFacts, string?>? _read;
    private readonly FrozenDictionary<string, RoutingRule[]> _byValue;
    private readonly RoutingRule[] _unguarded;

    public RoutingIndex(IReadOnlyList<RoutingRule> rules)
    {
        var field = rules.Select(r => r.Rule.Guard?.Field).OfType<System.Reflection.PropertyInfo>()
            .GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        bool Skips(RoutingRule rule, string? value) =>
            rule.Rule.Guard is { } guard && guard.Field == field && (value is null || !guard.Values.Contains(value));

        _unguarded = [.. rules.Where(r => !Skips(r, null))];
        if (field is null)
        {
            _byValue = FrozenDictionary<string, RoutingRule[]>.Empty;
            return;
        }

        var lead = Expression.Parameter(typeof(LeadFacts));
        _read = Expression.Lambda<Func<LeadFacts, string?>>(Expression.Property(lead, field), lead).Compile();
        _byValue = rules.Where(r => r.Rule.Guard?.Field == field).SelectMany(r => r.Rule.Guard!.Values)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(value => value, value => rules.Where(r => !Skips(r, value)).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rules <paramref name="lead"/> can match, highest priority first.</summary>
    public RoutingRule[] CandidatesFor(LeadFacts lead) =>
        _read?.Invoke(lead) is { } value && _byValue.TryGetValue(value, out var rules) ? rules : _unguarded;
}
