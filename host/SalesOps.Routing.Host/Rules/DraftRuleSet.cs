namespace SalesOps.Routing.Host.Rules;

/// <summary>
/// A complete set of rule files made from a draft: the files the draft gave, and the live set's
/// files for those it left out, so a draft may change one file.
/// </summary>
internal sealed record DraftRuleSet(
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<string> FromDraft,
    IReadOnlyList<string> FromLive,
    IReadOnlyList<string> Ignored);
