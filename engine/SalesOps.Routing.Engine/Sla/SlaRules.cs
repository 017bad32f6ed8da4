using System.Collections.Frozen;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>
/// The compiled policy file (<c>sla.json</c>): calendars, team settings and policies. Immutable and
/// part of a <see cref="RuleSet"/>, so a timer's policy version is the rule-set version.
/// </summary>
public sealed partial class SlaRules
{
    internal SlaRules(
        IReadOnlyList<SlaPolicy> policies,
        SlaPolicy? defaultPolicy,
        FrozenDictionary<string, BusinessCalendar> calendars,
        FrozenDictionary<string, SlaTeamSettings> teams,
        string? escalationQueue)
    {
        Policies = policies;
        Default = defaultPolicy;
        Calendars = calendars;
        Teams = teams;
        EscalationQueue = escalationQueue;
    }

    /// <summary>Policies with a condition, in file order; the first that matches wins.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>The policy for leads no other policy matches; null when such leads get no clock.</summary>
    public SlaPolicy? Default { get; }

    /// <summary>Named calendars, including the built-in <c>24x7</c>.</summary>
    public FrozenDictionary<string, BusinessCalendar> Calendars { get; }

    /// <summary>Team settings by team id.</summary>
    public FrozenDictionary<string, SlaTeamSettings> Teams { get; }

    /// <summary>Where escalations to a manager go for a team that has none.</summary>
    public string? EscalationQueue { get; }

    /// <summary>
    /// The first policy whose condition holds for the lead and team, else the default. A condition
    /// that throws for this lead counts as not matched, as routing rules do.
    /// </summary>
    public SlaPolicy? PolicyFor(LeadFacts lead, string? teamId)
    {
        var arguments = SlaConditionCompiler.Arguments(lead, teamId);
        foreach (var policy in Policies)
        {
            try
            {
                if (policy.Condition!.Predicate(arguments))
                    return policy;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                continue;
            }
        }

        return Default;
    }

    /// <summary>
    /// The first-touch clock for a lead just assigned to <paramref name="rep"/>, or null when the lead
    /// has no owner or no policy applies.
    /// </summary>
    public SlaTimerPlan? PlanFirstTouch(LeadFacts lead, string? teamId, RepDefinition? rep, string ruleSetVersion)
    {
        if (rep is null || PolicyFor(lead, teamId) is not { } policy || policy.Terms.TargetFor(SlaTargetKinds.FirstTouch) is null)
            return null;
        return Plan(policy.Name, ruleSetVersion, policy.Terms, SlaTargetKinds.FirstTouch, 1, teamId, rep);
    }

    /// <summary>
    /// A clock under terms a timer already holds: the follow-up after a first touch, or a new
    /// first-touch cycle for a new owner. The calendar is resolved for the (new) owner.
    /// </summary>
    public SlaTimerPlan Plan(string policyName, string ruleSetVersion, SlaPolicyTerms terms, string kind, int cycle, string? teamId, RepDefinition? rep) =>
        new(kind, cycle, policyName, ruleSetVersion, terms, CalendarKeyFor(terms, teamId, rep?.TimeZone), teamId, rep?.Id);

    /// <summary>The team's manager, when the policy file names one.</summary>
    public string? ManagerOf(string? teamId) =>
        teamId is not null && Teams.TryGetValue(teamId, out var team) ? team.Manager : null;

    private string CalendarKeyFor(SlaPolicyTerms terms, string? teamId, string? repTimeZone)
    {
        switch (terms.Calendar)
        {
            case SlaCalendars.Rep:
                // Terms kept by a running timer may name hours a later file dropped; the key still records the intent.
                var alwaysOpen = Calendars.TryGetValue(terms.Hours!, out var hours) && hours.IsAlwaysOpen;
                return repTimeZone is null || alwaysOpen || repTimeZone == hours?.TimeZoneId
                    ? terms.Hours!
                    : $"{terms.Hours}{SlaCalendars.ZoneSeparator}{repTimeZone}";
            case SlaCalendars.Team:
                // A team the policy file gives no calendar counts on the policy's hours, else around the clock.
                return teamId is not null && Teams.TryGetValue(teamId, out var team) && team.Calendar is not null
                    ? team.Calendar
                    : terms.Hours ?? SlaCalendars.AlwaysOpen;
            default:
                return terms.Calendar;
        }
    }
}
