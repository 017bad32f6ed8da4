namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: a known account the lead belongs to.</summary>
/// <param name="Account">The account's name or domain, for the trace.</param>
/// <param name="OwnerRepId">The account owner.</param>
/// <param name="MatchedBy">"domain" or "company".</param>
public sealed record AccountMatch(string Account, string OwnerRepId, string MatchedBy);
