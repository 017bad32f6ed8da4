using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Storage;

/// <summary>A lead of the batch being committed, with the decision the writer made for it.</summary>
internal sealed record DecidedLead(PendingLead Pending, Decision Decision);
