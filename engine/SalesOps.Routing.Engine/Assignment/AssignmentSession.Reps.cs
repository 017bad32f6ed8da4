using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment;

internal sealed partial class AssignmentSession
{
    private readonly RuleSet _rules;
    private readonly Dictionary<string, RepCandidate> _reps = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TeamDefinition, TeamFacts> _teams = new(ReferenceEqualityComparer.Instance);
    private readonly List<(TimeZoneInfo Zone, DateTime Local)> _localTimes = [];
    private DateTimeOffset _localTimesAt;
    private bool _repsChanged;

    /// <summary>
    /// Brings the team's rep facts to their values at <paramref name="now"/>. The state changes
    /// outside this session (other hosts, touches, ops), so every decision syncs the reps it reads.
    /// </summary>
    public RepCandidate[] SyncTeam(TeamDefinition team, RoutingState state, DateTimeOffset now)
    {
        if (!_teams.TryGetValue(team, out var known))
        {
            _teams[team] = known = new TeamFacts(team.Reps.Count);

            // The team stands too, so the rules keep its eligible reps gathered between leads.
            Session.Insert(team);
            _repsChanged = true;
        }

        // A state object hands out the same RepState per rep for its lifetime, so the lookups are
        // needed only when the store loaded a new one.
        if (!ReferenceEquals(known.LiveFrom, state))
        {
            for (var i = 0; i < known.Live.Length; i++)
                known.Live[i] = state.Rep(team.Reps[i].Id);
            known.LiveFrom = state;
        }

        var facts = known.Reps;
        for (var i = 0; i < facts.Length; i++)
        {
            var rep = team.Reps[i];
            if (facts[i] is null)
                facts[i] = Sync(rep, i, state, now);
            else
                Apply(facts[i], RepValues.Of(rep, known.Live[i], now, LocalTime(rep.Zone, now)));
        }

        return facts;
    }

    /// <summary>Brings one rep of any team (an owner, a fallback rep) to its values at <paramref name="now"/>.</summary>
    public void SyncRep(string repId, RoutingState state, DateTimeOffset now)
    {
        if (_rules.Reps.TryGetValue(repId, out var rep))
            Sync(rep, -1, state, now);
    }

    /// <summary>Lets the eligibility rules judge the reps whose values changed, before a lead is inserted.</summary>
    public void SettleEligibility()
    {
        if (!_repsChanged)
            return;
        Session.Fire();
        _repsChanged = false;
    }

    private RepCandidate Sync(RepDefinition rep, int order, RoutingState state, DateTimeOffset now)
    {
        var values = RepValues.Of(rep, state.Rep(rep.Id), now, LocalTime(rep.Zone, now));
        if (_reps.TryGetValue(rep.Id, out var fact))
        {
            Apply(fact, values);
            return fact;
        }

        fact = new RepCandidate(rep, order >= 0 ? order : OrderInTeam(rep), values);
        _reps.Add(rep.Id, fact);
        Session.Insert(fact);
        _repsChanged = true;
        return fact;
    }

    private void Apply(RepCandidate fact, in RepValues values)
    {
        if (!fact.Sync(values))
            return;
        Session.Update(fact);
        _repsChanged = true;
    }

    private int OrderInTeam(RepDefinition rep)
    {
        var reps = _rules.Teams[rep.TeamId].Reps;
        for (var i = 0; i < reps.Count; i++)
        {
            if (ReferenceEquals(reps[i], rep))
                return i;
        }

        return reps.Count;
    }

    // Converting to a rep's zone is the costly part of a rep's values; a team shares one or a few zones.
    private DateTime LocalTime(TimeZoneInfo zone, DateTimeOffset now)
    {
        if (now != _localTimesAt)
        {
            _localTimes.Clear();
            _localTimesAt = now;
        }

        foreach (var (known, local) in _localTimes)
        {
            if (ReferenceEquals(known, zone))
                return local;
        }

        var converted = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        _localTimes.Add((zone, converted));
        return converted;
    }

    private sealed class TeamFacts(int size)
    {
        public RepCandidate[] Reps { get; } = new RepCandidate[size];

        public RepState[] Live { get; } = new RepState[size];

        public RoutingState? LiveFrom { get; set; }
    }
}
