using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// The <see cref="Ineligible"/> facts standing in a warm session, by rep. Eligibility rules yield
/// them linked to the rep fact, so they appear, change and vanish with the rep's values; this index
/// follows the session's events so a decision can name every skipped rep without querying.
/// </summary>
internal sealed class StandingObjections
{
    private static readonly IReadOnlyList<Ineligible> None = [];

    private readonly Dictionary<string, List<Ineligible>> _byRep = new(StringComparer.Ordinal);

    /// <summary>How many objections stand, over all reps.</summary>
    public int Count { get; private set; }

    /// <summary>Why <paramref name="repId"/> cannot take a lead, by rule name.</summary>
    public IReadOnlyList<Ineligible> Of(string repId) => _byRep.TryGetValue(repId, out var list) ? list : None;

    public void Added(Ineligible objection)
    {
        if (!_byRep.TryGetValue(objection.RepId, out var list))
            _byRep[objection.RepId] = list = new List<Ineligible>(2);

        // By rule name rather than by when each objection arose: a rep's history in this session
        // must not change how the trace reads.
        var at = list.FindIndex(o => string.CompareOrdinal(o.Rule, objection.Rule) > 0);
        list.Insert(at < 0 ? list.Count : at, objection);
        Count++;
    }

    public void Changed(Ineligible objection)
    {
        var list = _byRep[objection.RepId];
        list[list.FindIndex(o => o.Rule == objection.Rule)] = objection;
    }

    public void Removed(Ineligible objection)
    {
        if (_byRep.TryGetValue(objection.RepId, out var list))
            Count -= list.RemoveAll(o => o.Rule == objection.Rule);
    }
}
