using System.Globalization;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>Turns <c>teams.json</c> into team definitions, collecting every error with its line.</summary>
internal static class TeamsBuilder
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    /// <summary>Returns the teams by id, or null when the file itself could not be read.</summary>
    public static Dictionary<string, TeamDefinition>? Build(string content, List<RuleSetError> errors, out string? defaultTeam)
    {
        defaultTeam = null;
        var file = TeamsFile.Read(content, errors);
        if (file is null)
            return null;

        var positions = JsonPositions.IndexValues(content, "id");
        void Fail(string? id, string message)
        {
            var (line, column) = id is not null && positions.TryGetValue(id, out var p) ? p : (1, 1);
            errors.Add(new RuleSetError(RuleFiles.Teams, line, column, message));
        }

        var teams = new Dictionary<string, TeamDefinition>(StringComparer.OrdinalIgnoreCase);
        var allReps = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in file.Teams ?? [])
        {
            if (string.IsNullOrWhiteSpace(team.Id))
            {
                Fail(null, "every team needs an \"id\"");
                continue;
            }

            if (!Distributions.IsKnown(team.Distribution))
                Fail(team.Id, $"team '{team.Id}': distribution '{team.Distribution}' is not one of {string.Join(", ", Distributions.All)}");
            var teamHours = Hours(team.WorkingHours, message => Fail(team.Id, $"team '{team.Id}': {message}"));
            var reps = new List<RepDefinition>();
            foreach (var rep in team.Reps ?? [])
            {
                if (string.IsNullOrWhiteSpace(rep.Id) || !allReps.Add(rep.Id))
                {
                    Fail(rep.Id ?? team.Id, $"team '{team.Id}': every rep needs an \"id\" unique across all teams");
                    continue;
                }

                void RepFail(string message) => Fail(rep.Id, $"rep '{rep.Id}': {message}");
                var zoneId = rep.TimeZone ?? team.TimeZone;
                var zone = TimeZoneInfo.Utc;
                if (zoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone!))
                {
                    RepFail($"time zone '{zoneId}' is not an IANA time zone");
                    zone = TimeZoneInfo.Utc;
                }

                if (rep.Weight is < 1 or > 100)
                    RepFail("weight must be between 1 and 100");
                if (rep.MaxOpenLeads is < 0 || rep.MaxLeadsPerDay is < 0)
                    RepFail("capacities must not be negative");
                reps.Add(new RepDefinition
                {
                    Id = rep.Id, Name = rep.Name ?? rep.Id, TeamId = team.Id, Email = rep.Email, TimeZone = zoneId, Zone = zone,
                    Weight = rep.Weight ?? 1, MaxOpenLeads = rep.MaxOpenLeads, MaxLeadsPerDay = rep.MaxLeadsPerDay,
                    Active = rep.Active ?? true, WorkingHours = Hours(rep.WorkingHours, RepFail) ?? teamHours,
                });
            }

            var fallback = team.Fallback is null
                ? TeamFallback.DefaultQueue
                : new TeamFallback(team.Fallback.Rep, team.Fallback.Queue ?? TeamFallback.DefaultQueue.Queue);
            var definition = new TeamDefinition
            {
                Id = team.Id, Name = team.Name ?? team.Id, Distribution = team.Distribution?.ToLowerInvariant() ?? Distributions.RoundRobin,
                Reps = reps, Fallback = fallback,
            };
            if (!teams.TryAdd(team.Id, definition))
                Fail(team.Id, $"team '{team.Id}' is defined twice");
        }

        foreach (var team in teams.Values.Where(t => t.Fallback.RepId is not null && !allReps.Contains(t.Fallback.RepId)))
            Fail(team.Id, $"team '{team.Id}': fallback rep '{team.Fallback.RepId}' is not defined");

        if (string.IsNullOrWhiteSpace(file.DefaultTeam))
            errors.Add(new RuleSetError(RuleFiles.Teams, 1, 1, "\"defaultTeam\" is required: it receives every lead no routing rule claims"));
        else if (!teams.TryGetValue(file.DefaultTeam, out var found))
        {
            var (line, column) = JsonPositions.IndexValues(content, "defaultTeam").GetValueOrDefault(file.DefaultTeam, (1, 1));
            errors.Add(new RuleSetError(RuleFiles.Teams, line, column, $"\"defaultTeam\" names '{file.DefaultTeam}', which is not defined"));
        }
        else
            defaultTeam = found.Id;
        return teams;
    }

    private static WorkingHours? Hours(List<TeamsFile.WindowEntry>? entries, Action<string> fail)
    {
        if (entries is null)
            return null;
        var windows = new List<WorkingWindow>();
        foreach (var entry in entries)
        {
            var days = new HashSet<DayOfWeek>();
            foreach (var text in entry.Days ?? [])
            {
                if (!TryAddDays(text, days))
                    fail($"working hours: '{text}' is not a day or range such as \"mon\" or \"mon-fri\"");
            }

            if (!TimeOnly.TryParseExact(entry.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TryParseEnd(entry.To, out var to) || to <= from)
            {
                fail($"working hours: \"from\" and \"to\" must be HH:mm with from before to (got '{entry.From}'–'{entry.To}')");
                continue;
            }

            windows.Add(new WorkingWindow(days, from, to));
        }

        return new WorkingHours(windows);
    }

    // "24:00" closes a window at midnight; TimeOnly has no such value, so it becomes the last tick of the day.
    private static bool TryParseEnd(string? text, out TimeOnly end)
    {
        if (text == "24:00")
        {
            end = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out end);
    }

    private static bool TryAddDays(string text, HashSet<DayOfWeek> days)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && DayNames.TryGetValue(parts[0], out var day))
        {
            days.Add(day);
            return true;
        }

        if (parts.Length != 2 || !DayNames.TryGetValue(parts[0], out var first) || !DayNames.TryGetValue(parts[1], out var last))
            return false;
        for (var d = (int)first; ; d = (d + 1) % 7)
        {
            days.Add((DayOfWeek)d);
            if (d == (int)last)
                return true;
        }
    }
}
