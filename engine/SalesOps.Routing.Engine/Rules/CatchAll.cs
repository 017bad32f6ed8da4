namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// The default team takes every lead no routing rule claims, so it must be able to take one: it
/// needs a rep, or a fallback (a rep or a queue) named in teams.json. Without either, those leads
/// would wait in the unassigned queue with nobody responsible for them.
/// </summary>
internal static class CatchAll
{
    public static void Check(TeamDefinition team, string content, List<RuleSetError> errors)
    {
        if (team.Reps.Count > 0 || team.Fallback != TeamFallback.DefaultQueue)
            return;
        var (line, column) = JsonPositions.IndexValues(content, "defaultTeam")
            .Where(p => string.Equals(p.Key, team.Id, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Value).DefaultIfEmpty((1, 1)).First();
        errors.Add(new RuleSetError(RuleFiles.Teams, line, column,
            $"\"defaultTeam\" '{team.Id}' has no reps and no \"fallback\": leads no routing rule claims would reach nobody; add a rep, or a fallback rep or queue"));
    }
}
