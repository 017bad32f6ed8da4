namespace SalesOps.Routing.Engine.Distribution;

/// <summary>
/// The shared routing state a decision reads and advances: the last rep served per team. Owned by
/// the single writer that commits decisions, which applies each decision to it in commit order.
/// </summary>
public sealed class RoutingState
{
    private readonly Dictionary<string, string> _lastRepByTeam;

    /// <summary>Creates the state from what the store holds.</summary>
    public RoutingState(IEnumerable<KeyValuePair<string, string>> lastRepByTeam) =>
        _lastRepByTeam = new Dictionary<string, string>(lastRepByTeam, StringComparer.OrdinalIgnoreCase);

    /// <summary>The rep who got the team's previous lead, if any.</summary>
    public string? LastRepOf(string teamId) => _lastRepByTeam.GetValueOrDefault(teamId);

    /// <summary>Records that <paramref name="repId"/> got the team's latest lead.</summary>
    public void Advance(string teamId, string repId) => _lastRepByTeam[teamId] = repId;
}
