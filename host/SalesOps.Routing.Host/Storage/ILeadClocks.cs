using System.Data.Common;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// What the SLA clocks must learn of a lead's life, told inside the transaction that changes it, so
/// a clock never disagrees with the lead it measures. The SLA feature supplies the implementation.
/// </summary>
internal interface ILeadClocks
{
    /// <summary>New leads were decided (and, those with a rep, assigned), in the order given.</summary>
    Task AssignedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedLead> decided, CancellationToken cancellationToken);

    /// <summary>Ops moved the lead to working, converted or disqualified.</summary>
    Task StatusChangedAsync(DbConnection connection, DbTransaction transaction, string leadId, string status, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ops moved the lead to another rep.</summary>
    Task ReassignedAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, string leadId, string? teamId, string repId, string reason,
        DateTimeOffset now, CancellationToken cancellationToken);
}
