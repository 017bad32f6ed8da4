using System.Collections.Frozen;
using System.Reflection;
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
        var field = rules.Select(r => r.Rule.Guard?.Field).OfType<PropertyInfo>()
            .GroupBy(f => f).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        bool GuardedOnField(RoutingRule rule) => rule.Rule.Guard is { } guard && guard.Field == field;
        bool Admits(RoutingRule rule, string value) => !GuardedOnField(rule) || rule.Rule.Guard!.Values.Contains(value);

        // Each value's list repeats the unguarded rules: memory is values times unguarded rules,
        // small for countries and states, and the price of a lead reading one array.
        _unguarded = [.. rules.Where(r => !GuardedOnField(r))];
        if (field is null)
        {
            _byValue = FrozenDictionary<string, RoutingRule[]>.Empty;
            return;
        }

        _read = field.GetMethod!.CreateDelegate<Func<LeadFacts, string?>>();
        _byValue = rules.Where(r => r.Rule.Guard?.Field == field).SelectMany(r => r.Rule.Guard!.Values)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(value => value, value => rules.Where(r => Admits(r, value)).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rules <paramref name="lead"/> can match, highest priority first.</summary>
    public RoutingRule[] CandidatesFor(LeadFacts lead) =>
        _read?.Invoke(lead) is { } value && _byValue.TryGetValue(value, out var rules) ? rules : _unguarded;
}
