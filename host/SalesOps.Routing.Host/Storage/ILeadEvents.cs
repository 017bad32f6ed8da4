using System.Data.Common;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Ownership changes that receivers outside the service (a CRM sync, a chat channel) may want to
/// hear of, told inside the transaction that makes the change, so an event is committed exactly when
/// its change is. The webhooks feature supplies the implementation.
/// </summary>
internal interface ILeadEvents
{
    /// <summary>A new lead was decided and, when it has a rep, assigned.</summary>
    Task AssignedAsync(DbConnection connection, DbTransaction transaction, PendingLead pending, Decision decision, DateTimeOffset decidedAt,
        CancellationToken cancellationToken);

    /// <summary>A lead moved from one rep to another, or to the team queue when <paramref name="toRepId"/> is null.</summary>
    Task ReassignedAsync(DbConnection connection, DbTransaction transaction, string leadId, string fromRepId, string? toRepId, string? teamId,
        string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A transaction that may have written events committed: they can be sent now rather than at the next poll.</summary>
    void Committed();
}
