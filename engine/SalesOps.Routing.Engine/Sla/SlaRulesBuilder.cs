using System.Collections.Frozen;
using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>Builds <see cref="SlaRules"/> from <c>sla.json</c>, checking it against the teams file.</summary>
internal static partial class SlaRulesBuilder
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The compiled policy file, or null after adding every problem found to <paramref name="errors"/>.</summary>
    /// <param name="content">The text of <c>sla.json</c>.</param>
    /// <param name="teams">Teams by id; null when the teams file itself is broken (its errors are reported there).</param>
    /// <param name="errors">Where problems go.</param>
    public static SlaRules? Build(string content, IReadOnlyDictionary<string, TeamDefinition>? teams, List<RuleSetError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            errors.Add(new RuleSetError(RuleFiles.Sla, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, cut > 0 ? message[..cut] : message));
            return null;
        }

        using (document)
        {
            var before = errors.Count;
            var reader = new SlaFileReader(JsonPathPositions.Index(content), errors);
            var root = document.RootElement;
            if (!reader.IsObject(root, "", "$schema", "calendars", "teams", "escalationQueue", "policies", "default"))
                return null;

            var declared = new HashSet<string>(StringComparer.Ordinal);
            var calendars = ReadCalendars(root, reader, declared);
            var teamErrors = errors.Count;
            var settings = ReadTeams(root, reader, declared, teams);
            var escalationQueue = reader.OptionalString(root, "", "escalationQueue");
            // After a mistyped team name, "this team has no calendar or manager" would only repeat the same mistake.
            var context = new PolicyContext(reader, declared, settings, errors.Count == teamErrors ? teams : null, escalationQueue);
            var policies = ReadPolicies(root, context);
            var defaultPolicy = root.TryGetProperty("default", out var fallback) ? ReadPolicy(fallback, "default", context, isDefault: true) : null;

            if (errors.Count > before)
                return null;
            return new SlaRules(policies, defaultPolicy, calendars.ToFrozenDictionary(StringComparer.Ordinal),
                settings.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), escalationQueue);
        }
    }

    private static Dictionary<string, SlaTeamSettings> ReadTeams(JsonElement root, SlaFileReader reader,
        HashSet<string> calendars, IReadOnlyDictionary<string, TeamDefinition>? teams)
    {
        var settings = new Dictionary<string, SlaTeamSettings>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("teams", out var section) || !reader.IsObject(section, "teams"))
            return settings;

        foreach (var entry in section.EnumerateObject())
        {
            var path = SlaFileReader.Child("teams", entry.Name);
            if (!reader.IsObject(entry.Value, path, "calendar", "manager"))
                continue;
            var teamId = entry.Name;
            if (teams is not null)
            {
                if (!teams.TryGetValue(entry.Name, out var team))
                {
                    reader.Fail(path, $"team '{entry.Name}' is not defined in {RuleFiles.Teams}");
                    continue;
                }

                teamId = team.Id;
            }

            var calendar = reader.OptionalString(entry.Value, path, "calendar");
            if (calendar is not null && !calendars.Contains(calendar))
                reader.Fail(SlaFileReader.Child(path, "calendar"), $"calendar '{calendar}' is not defined in \"calendars\"");
            if (!settings.TryAdd(teamId, new SlaTeamSettings(teamId, calendar, reader.OptionalString(entry.Value, path, "manager"))))
                reader.Fail(path, $"team '{teamId}' is listed twice");
        }

        return settings;
    }
}
