using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

internal static partial class SlaRulesBuilder
{
    private const int DefaultWarnAtPercent = 75;
    private const int MaxTargetMinutes = 366 * 24 * 60;
    private const int MaxReassignments = 10;

    private static readonly string[] PolicyProperties = ["name", "condition", "calendar", "hours", "targets", "warnAtPercent", "onBreach"];

    private sealed record PolicyContext(
        SlaFileReader Reader,
        HashSet<string> Calendars,
        Dictionary<string, SlaTeamSettings> Settings,
        IReadOnlyDictionary<string, TeamDefinition>? Teams,
        string? EscalationQueue);

    private static List<SlaPolicy> ReadPolicies(JsonElement root, PolicyContext context)
    {
        var policies = new List<SlaPolicy>();
        if (!root.TryGetProperty("policies", out var section))
            return policies;
        if (section.ValueKind != JsonValueKind.Array)
        {
            context.Reader.Fail("policies", "must be an array of policies");
            return policies;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var element in section.EnumerateArray())
        {
            var path = SlaFileReader.Item("policies", index++);
            if (ReadPolicy(element, path, context, isDefault: false) is not { } policy)
                continue;
            if (names.Add(policy.Name))
                policies.Add(policy);
            else
                context.Reader.Fail(SlaFileReader.Child(path, "name"), $"policy name '{policy.Name}' is used twice");
        }

        return policies;
    }

    private static SlaPolicy? ReadPolicy(JsonElement element, string path, PolicyContext context, bool isDefault)
    {
        var reader = context.Reader;
        if (!reader.IsObject(element, path, PolicyProperties))
            return null;

        var name = isDefault ? reader.OptionalString(element, path, "name") ?? "default" : reader.RequiredString(element, path, "name");
        CompiledRule? condition = null;
        if (isDefault && element.TryGetProperty("condition", out _))
            reader.Fail(SlaFileReader.Child(path, "condition"), "the default policy applies to every lead no other policy matches; it takes no condition");
        else if (!isDefault)
            condition = ReadCondition(element, path, name, reader);

        var calendar = reader.RequiredString(element, path, "calendar");
        var hours = reader.OptionalString(element, path, "hours");
        CheckCalendarChoice(calendar, hours, path, context);
        var warnAt = reader.OptionalInt(element, path, "warnAtPercent", 1, 99) ?? DefaultWarnAtPercent;
        var targets = ReadTargets(element, path, reader);
        var onBreach = ReadActions(element, path, context);

        if (name is null || calendar is null || targets is null || onBreach is null)
            return null;
        return new SlaPolicy(name, condition, new SlaPolicyTerms(calendar, hours, warnAt, targets, onBreach));
    }

    private static CompiledRule? ReadCondition(JsonElement element, string path, string? name, SlaFileReader reader)
    {
        var expression = reader.RequiredString(element, path, "condition");
        if (expression is null)
            return null;
        try
        {
            return new CompiledRule(name ?? "", expression, SlaConditionCompiler.Compile(expression));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reader.Fail(SlaFileReader.Child(path, "condition"), $"policy '{name}': condition does not compile: {ex.Message}");
            return null;
        }
    }

    private static void CheckCalendarChoice(string? calendar, string? hours, string path, PolicyContext context)
    {
        var reader = context.Reader;
        if (calendar is null)
            return;
        if (calendar is not (SlaCalendars.Rep or SlaCalendars.Team) && !context.Calendars.Contains(calendar))
            reader.Fail(SlaFileReader.Child(path, "calendar"), $"calendar '{calendar}' is not defined in \"calendars\" (nor is it \"{SlaCalendars.Rep}\" or \"{SlaCalendars.Team}\")");
        else if (hours is null && calendar == SlaCalendars.Rep)
            reader.Fail(path, "\"hours\" is required with the rep calendar: it names the calendar whose hours apply in the rep's time zone");
        if (hours is not null && !context.Calendars.Contains(hours))
            reader.Fail(SlaFileReader.Child(path, "hours"), $"calendar '{hours}' is not defined in \"calendars\"");
        if (calendar == SlaCalendars.Rep && context.Teams is not null)
        {
            foreach (var rep in context.Teams.Values.SelectMany(t => t.Reps).Where(r => r.TimeZone is not null && !BusinessCalendar.IsKnownTimeZone(r.TimeZone)))
                reader.Fail(SlaFileReader.Child(path, "calendar"), $"rep '{rep.Id}' has time zone '{rep.TimeZone}', which the calendar's zone rules do not know");
        }
    }

    private static List<SlaTarget>? ReadTargets(JsonElement element, string path, SlaFileReader reader)
    {
        var targetsPath = SlaFileReader.Child(path, "targets");
        if (!element.TryGetProperty("targets", out var section))
        {
            reader.Fail(path, $"\"targets\" is required, e.g. {{ \"{SlaTargetKinds.FirstTouch}\": 15 }} (minutes)");
            return null;
        }

        var count = section.ValueKind == JsonValueKind.Object ? section.EnumerateObject().Count() : 0;
        if (!reader.IsObject(section, targetsPath, [.. SlaTargetKinds.All]) || section.EnumerateObject().Any(p => !SlaTargetKinds.All.Contains(p.Name)))
            return null;
        var targets = new List<SlaTarget>();
        foreach (var kind in SlaTargetKinds.All)
        {
            if (reader.OptionalInt(section, targetsPath, kind, 1, MaxTargetMinutes) is { } minutes)
                targets.Add(new SlaTarget(kind, TimeSpan.FromMinutes(minutes)));
        }

        if (!section.TryGetProperty(SlaTargetKinds.FirstTouch, out _))
            reader.Fail(targetsPath, $"\"{SlaTargetKinds.FirstTouch}\" is required: the follow-up clock starts at the first touch");
        return targets.Count == count ? targets : null;
    }

    private static List<SlaBreachAction>? ReadActions(JsonElement element, string path, PolicyContext context)
    {
        var reader = context.Reader;
        var actionsPath = SlaFileReader.Child(path, "onBreach");
        if (!element.TryGetProperty("onBreach", out var section))
            return [];
        if (section.ValueKind != JsonValueKind.Array)
        {
            reader.Fail(actionsPath, "must be an array of actions");
            return null;
        }

        var actions = new List<SlaBreachAction>();
        var index = 0;
        foreach (var item in section.EnumerateArray())
        {
            var itemPath = SlaFileReader.Item(actionsPath, index++);
            if (reader.IsObject(item, itemPath, "action", "to", "maxTimes") && ReadAction(item, itemPath, context) is { } action)
                actions.Add(action);
        }

        return actions.Count == index ? actions : null;
    }
}
