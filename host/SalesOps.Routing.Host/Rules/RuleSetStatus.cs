namespace SalesOps.Routing.Host.Rules;

/// <summary>The live rule set and, when the files on disk were refused, why.</summary>
internal sealed record RuleSetStatus(string? ActiveVersion, DateTimeOffset? LoadedAt, string Folder, RuleSetRefusal? LastError);
