using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Storage;

/// <summary>Read-only views of stored decisions and rotation, for dry runs and backtests. Nothing here writes.</summary>
internal interface IDecisionHistory
{
    /// <summary>The rotation as it stood at <paramref name="instant"/>: each team's last assignment before it, reassignments included.</summary>
    Task<RoutingState> ReadRotationBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken);

    /// <summary>Every known account by match key ("domain:..." or "company:..."), for replaying account-owner routing.</summary>
    Task<IReadOnlyDictionary<string, AccountRow>> ReadAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Leads received in [<paramref name="from"/>, <paramref name="to"/>) with their decisions, in the order they were received; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredLead>> ReadLeadsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);
}
