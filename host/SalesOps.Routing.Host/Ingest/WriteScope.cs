using System.Data.Common;
using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>Where a queued change runs: the writer's open transaction, the batch's routing state and its instant.</summary>
/// <param name="Connection">The writer's connection.</param>
/// <param name="Transaction">The group commit's transaction.</param>
/// <param name="State">The routing state the whole batch reads and advances; saved once, when the batch is.</param>
/// <param name="Now">The batch's instant.</param>
internal sealed record WriteScope(DbConnection Connection, DbTransaction Transaction, RoutingState State, DateTimeOffset Now);
