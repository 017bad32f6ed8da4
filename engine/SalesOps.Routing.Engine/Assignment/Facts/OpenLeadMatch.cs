namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: an open lead with the same e-mail from the duplicate window.</summary>
/// <param name="LeadId">The earlier lead.</param>
/// <param name="OwnerRepId">Its owner.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record OpenLeadMatch(string LeadId, string OwnerRepId, DateTimeOffset ReceivedAt);
