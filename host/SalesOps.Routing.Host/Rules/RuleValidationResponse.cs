namespace SalesOps.Routing.Host.Rules;

/// <summary>A draft that would build: its version, and which files came from the draft and which from the live set.</summary>
internal sealed record RuleValidationResponse(
    bool Valid,
    string Version,
    IReadOnlyList<string> FromDraft,
    IReadOnlyList<string> FromLive,
    IReadOnlyList<string> Ignored);
