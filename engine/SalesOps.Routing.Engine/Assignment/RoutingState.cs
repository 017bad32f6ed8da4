namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// The shared routing state a decision reads and advances: the last rep served per team and each
/// rep's <see cref="RepState"/>. It is loaded inside the transaction that stores the decisions and
/// written back in it, so the database, not a lock in one process, keeps it consistent.
/// </summary>
public sealed class RoutingState
{
    private readonly Dictionary<string, string> _lastRepByTeam;
    private readonly Dictionary<string, RepState> _reps;
    private readonly HashSet<string> _changedTeams = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _changedReps = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the state from what the store holds.</summary>
    public RoutingState(IEnumerable<KeyValuePair<string, string>> lastRepByTeam, IEnumerable<RepState>? reps = null)
    {
        _lastRepByTeam = new Dictionary<string, string>(lastRepByTeam, StringComparer.OrdinalIgnoreCase);
        _reps = (reps ?? []).ToDictionary(r => r.RepId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Teams whose rotation moved since the state was loaded.</summary>
    public IReadOnlyCollection<string> ChangedTeams => _changedTeams;

    /// <summary>Reps whose state changed since the state was loaded.</summary>
    public IEnumerable<RepState> ChangedReps => _changedReps.Select(id => _reps[id]);

    /// <summary>The rep who got the team's previous lead, if any.</summary>
    public string? LastRepOf(string teamId) => _lastRepByTeam.GetValueOrDefault(teamId);

    /// <summary>The state of a rep; a rep the store has never seen starts empty.</summary>
    public RepState Rep(string repId)
    {
        if (!_reps.TryGetValue(repId, out var state))
            _reps[repId] = state = new RepState { RepId = repId };
        return state;
    }

    /// <summary>Records that <paramref name="repId"/> got the team's latest lead.</summary>
    public void Advance(string teamId, string repId)
    {
        _lastRepByTeam[teamId] = repId;
        _changedTeams.Add(teamId);
    }

    /// <summary>Marks a rep's state as changed so the store writes it back.</summary>
    public void Touch(string repId) => _changedReps.Add(repId);
}
