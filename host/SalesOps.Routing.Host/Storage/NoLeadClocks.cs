using System.Data.Common;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>The stores on their own, without the SLA feature (as the storage contract tests run them): no clocks to keep.</summary>
internal sealed class NoLeadClocks : ILeadClocks
{
    public Task AssignedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DecidedLead> decided, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task StatusChangedAsync(DbConnection connection, DbTransaction transaction, string leadId, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task ReassignedAsync(DbConnection connection, DbTransaction transaction, RuleSet rules, string leadId, string? teamId, string repId, string reason,
        DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
