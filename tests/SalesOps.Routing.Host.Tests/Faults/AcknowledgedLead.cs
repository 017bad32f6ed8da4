namespace SalesOps.Routing.Host.Tests.Faults;

/// <summary>What the host promised a sender with a 2xx: this lead is stored under this id with this decision.</summary>
internal sealed record AcknowledgedLead(string Source, string ExternalId, string Id, string Status, string? RepId);
