namespace SalesOps.Routing.LoadTests;

/// <summary>A lead the host routed, with its rows in every table that refers to it, by table name.</summary>
internal sealed record TemplateLead(string LeadId, string? RepId, DateTimeOffset DueAt, IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, object?>>> Rows);
