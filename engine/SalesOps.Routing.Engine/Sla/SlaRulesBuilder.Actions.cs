using System.Text.Json;

namespace SalesOps.Routing.Engine.Sla;

internal static partial class SlaRulesBuilder
{
    private static readonly string[] NotifyRecipients = [SlaActions.Rep, SlaActions.Manager, SlaActions.Team];

    private static SlaBreachAction? ReadAction(JsonElement item, string path, PolicyContext context)
    {
        var reader = context.Reader;
        var action = reader.RequiredString(item, path, "action");
        var toPath = SlaFileReader.Child(path, "to");
        var to = item.TryGetProperty("to", out var toValue) ? reader.StringOrList(toValue, toPath) : [];
        if (to is null)
            return null;

        switch (action)
        {
            case SlaActions.Notify:
                if (to.Count == 0 || to.Any(t => !NotifyRecipients.Contains(t)))
                {
                    reader.Fail(toPath, $"notify needs \"to\" with one or more of {string.Join(", ", NotifyRecipients)}");
                    return null;
                }

                return new SlaBreachAction(action, to);
            case SlaActions.Reassign:
                if (reader.OptionalInt(item, path, "maxTimes", 1, MaxReassignments) is { } maxTimes)
                    return new SlaBreachAction(action, [], maxTimes);
                reader.Fail(path, $"reassign needs \"maxTimes\": how often at most a lead is moved on (1 to {MaxReassignments})");
                return null;
            case SlaActions.Escalate:
                return ReadEscalation(to, toPath, path, context) is { } target ? new SlaBreachAction(action, [target]) : null;
            case null:
                return null;
            default:
                reader.Fail(SlaFileReader.Child(path, "action"), $"unknown action '{action}'; expected one of {string.Join(", ", SlaActions.All)}");
                return null;
        }
    }

    private static string? ReadEscalation(List<string> to, string toPath, string path, PolicyContext context)
    {
        var reader = context.Reader;
        if (to.Count != 1 || !(to[0] == SlaActions.Manager || (to[0].StartsWith(SlaActions.QueuePrefix, StringComparison.Ordinal) && to[0].Length > SlaActions.QueuePrefix.Length)))
        {
            reader.Fail(to.Count == 0 ? path : toPath, $"escalate needs \"to\": \"{SlaActions.Manager}\" or \"{SlaActions.QueuePrefix}NAME\"");
            return null;
        }

        if (to[0] == SlaActions.Manager && context.EscalationQueue is null && context.Teams is not null)
        {
            var without = context.Teams.Keys.Where(t => context.Settings.GetValueOrDefault(t)?.Manager is null).Order(StringComparer.Ordinal).ToList();
            if (without.Count > 0)
                reader.Fail(toPath, $"escalation to the manager needs a \"manager\" for every team or an \"escalationQueue\"; no manager for {string.Join(", ", without)}");
        }

        return to[0];
    }
}
