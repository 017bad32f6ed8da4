using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// What committing a lead produced: the new record, or, for a retry of a lead already stored, its id
/// (the stored record is read outside the writer's transaction).
/// </summary>
internal sealed record IngestOutcome(LeadRecord? Record, bool Created, string? ExistingId = null);
