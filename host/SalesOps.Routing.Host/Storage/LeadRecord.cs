using SalesOps.Routing.Engine.Decisions;

namespace SalesOps.Routing.Host.Storage;

/// <summary>A stored lead with the decision that was made for it.</summary>
internal sealed record LeadRecord(
    string Id,
    string Source,
    string ExternalId,
    DateTimeOffset ReceivedAt,
    Decision Decision);
