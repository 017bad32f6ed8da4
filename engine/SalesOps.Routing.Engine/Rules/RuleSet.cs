using System.Collections.Frozen;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// An immutable, fully compiled rule set. A request reads one reference to it at its start, so a
/// reload that swaps in a new set can never show a request half of one and half of another.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(
        string version,
        IReadOnlyDictionary<string, string> files,
        FrozenSet<string> freeMailDomains,
        IReadOnlyList<ScoringRule> scoring,
        IReadOnlyList<QualificationRule> qualification,
        IReadOnlyList<RoutingRule> routing,
        FrozenDictionary<string, TeamDefinition> teams,
        string defaultTeamId,
        SlaRules sla)
    {
        Version = version;
        Files = files;
        FreeMailDomains = freeMailDomains;
        Scoring = scoring;
        Qualification = qualification;
        Routing = routing;
        RoutingIndex = new RoutingIndex(routing);
        Teams = teams;
        DefaultTeamId = defaultTeamId;
        Reps = teams.Values.SelectMany(t => t.Reps).ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        Sla = sla;
    }

    /// <summary>Content hash of the files: the same files always give the same version.</summary>
    public string Version { get; }

    /// <summary>The files the set was built from, by name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Free-mail domains, lower case.</summary>
    public FrozenSet<string> FreeMailDomains { get; }

    /// <summary>Scoring rules in file order.</summary>
    public IReadOnlyList<ScoringRule> Scoring { get; }

    /// <summary>Qualification rules in file order.</summary>
    public IReadOnlyList<QualificationRule> Qualification { get; }

    /// <summary>Routing rules, highest priority first, file order within a priority.</summary>
    public IReadOnlyList<RoutingRule> Routing { get; }

    /// <summary>The routing rules by the lead field most of them test first.</summary>
    internal RoutingIndex RoutingIndex { get; }

    /// <summary>Teams by id.</summary>
    public FrozenDictionary<string, TeamDefinition> Teams { get; }

    /// <summary>Every rep of every team, by id.</summary>
    public FrozenDictionary<string, RepDefinition> Reps { get; }

    /// <summary>The team that gets every lead no routing rule claims.</summary>
    public string DefaultTeamId { get; }

    /// <summary>SLA calendars and policies; timers record <see cref="Version"/> as their policy version.</summary>
    public SlaRules Sla { get; }
}
