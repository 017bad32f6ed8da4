using System.Data.Common;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>Keeps the SLA clocks in step with the stores: a new lead's first-touch clock, touches by status, new cycles on reassignment.</summary>
internal sealed class SlaLeadClocks(SlaTimerWriter writer, SlaTimerService timers) : ILeadClocks
{
    public Task AssignedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedLead> decided, CancellationToken cancellationToken) =>
        writer.StartFirstTouchesAsync(connection, transaction, decided, cancellationToken);

    public Task StatusChangedAsync(DbConnection connection, DbTransaction transaction, string leadId, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
        timers.OnStatusChangedAsync(connection, transaction, leadId, status, now, cancellationToken);

    public Task ReassignedAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, string leadId, string? teamId, string repId, string reason,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        timers.OnReassignedAsync(connection, transaction, rules, leadId, teamId, repId, reason, now, cancellationToken);
}
