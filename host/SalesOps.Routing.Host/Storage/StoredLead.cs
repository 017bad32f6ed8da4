using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Storage;

/// <summary>A stored lead as it was posted (the raw payload) with the decision made for it; the trace is left out.</summary>
internal sealed record StoredLead(string Id, string Source, string ExternalId, DateTimeOffset ReceivedAt, string Payload, Decision Decision);
