using System.Data.Common;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>The stores on their own, without the webhooks feature (as the storage contract tests run them): nobody to tell.</summary>
internal sealed class NoLeadEvents : ILeadEvents
{
    public Task AssignedAsync(DbConnection connection, DbTransaction transaction, PendingLead pending, Decision decision, DateTimeOffset decidedAt,
        CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReassignedAsync(DbConnection connection, DbTransaction transaction, string leadId, string fromRepId, string? toRepId, string? teamId,
        string reason, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Committed()
    {
    }
}
