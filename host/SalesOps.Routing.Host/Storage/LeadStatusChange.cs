namespace SalesOps.Routing.Host.Storage;

/// <summary>The outcome of a status change: refused when the lead's current status does not allow it.</summary>
internal sealed record LeadStatusChange(string From, string To, bool Applied);
