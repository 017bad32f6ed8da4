using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>The shape of <c>teams.json</c>. Unknown fields are errors, so a typo cannot pass silently.</summary>
internal sealed record TeamsFile
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? DefaultTeam { get; init; }

    public List<TeamEntry>? Teams { get; init; }

    internal sealed record TeamEntry
    {
        public string? Id { get; init; }
        public string? Name { get; init; }
        public string? Distribution { get; init; }
        public string? TimeZone { get; init; }
        public List<WindowEntry>? WorkingHours { get; init; }
        public FallbackEntry? Fallback { get; init; }
        public List<RepEntry>? Reps { get; init; }
    }

    internal sealed record FallbackEntry
    {
        public string? Rep { get; init; }
        public string? Queue { get; init; }
    }

    internal sealed record WindowEntry
    {
        public List<string>? Days { get; init; }
        public string? From { get; init; }
        public string? To { get; init; }
    }

    internal sealed record RepEntry
    {
        public string? Id { get; init; }
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? TimeZone { get; init; }
        public int? Weight { get; init; }
        public int? MaxOpenLeads { get; init; }
        public int? MaxLeadsPerDay { get; init; }
        public bool? Active { get; init; }
        public List<WindowEntry>? WorkingHours { get; init; }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static TeamsFile? Read(string content, List<RuleSetError> errors)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamsFile>(content, Options);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            errors.Add(new RuleSetError(RuleFiles.Teams, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                (cut > 0 ? message[..cut] : message) + (ex.Path is { Length: > 0 } path ? $" (at {path})" : "")));
            return null;
        }
    }
}
