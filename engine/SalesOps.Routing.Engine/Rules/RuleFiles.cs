namespace SalesOps.Routing.Engine.Rules;

/// <summary>The names of the files a rule set is made of.</summary>
public static class RuleFiles
{
    /// <summary>RulesEngine workflow: points per matching rule.</summary>
    public const string Scoring = "scoring.json";
    /// <summary>RulesEngine workflow: disqualifiers and the MQL threshold.</summary>
    public const string Qualification = "qualification.json";
    /// <summary>RulesEngine workflow: territory and segment rules choosing a team.</summary>
    public const string Routing = "routing.json";
    /// <summary>Teams, their reps and distribution method, and the default team.</summary>
    public const string Teams = "teams.json";
    /// <summary>Free-mail domains, one per line.</summary>
    public const string FreeMailDomains = "freemail-domains.txt";

    /// <summary>SLA calendars, team settings and policies.</summary>
    public const string Sla = "sla.json";

    /// <summary>Every file a rule set needs.</summary>
    public static IReadOnlyList<string> Required { get; } = [Scoring, Qualification, Routing, Teams, FreeMailDomains, Sla];
}
