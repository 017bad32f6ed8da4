using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Rules;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

/// <summary>A session kept warm across leads, teams and rule set snapshots decides exactly as a new one would.</summary>
public sealed class WarmSessionTests
{
    private static readonly ISessionFactory FreshSessions = AssignmentRules.Compile();

    private sealed record Step(Func<LeadInput> Lead, DateTimeOffset Now, AccountMatch[] Accounts, OpenLeadMatch? OpenLead = null, string? Excluded = null,
        Action<RoutingState>? Before = null);

    private static readonly AccountMatch UmbrellaOfDach2 = new("Umbrella Corporation", "dach-2", "domain");
    private static readonly AccountMatch StarkOfGlobal = new("Stark Industries", "global-1", "company");
    private static readonly OpenLeadMatch OpenLeadOfNaEnt2 = new("lead-7", "na-ent-2", AmericanMorning.AddDays(-2));

    private static readonly Step[] Steps =
    [
        new(Dach, EuropeanMorning, []),
        new(NaEnterprise, AmericanMorning, []),
        new(Dach, EuropeanMorning, [UmbrellaOfDach2]),
        new(NaSmb, AmericanMorning, [], Before: s => s.Rep("na-smb-1").OutOfOfficeFrom = AmericanMorning.AddDays(-1)),
        new(Dach, EuropeanMorning, [UmbrellaOfDach2], Excluded: "dach-2"),
        new(NaEnterprise, AmericanMorning, [], OpenLeadOfNaEnt2),
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").Active = false),
        new(() => Leads.Qualified() with { Country = "GB" }, EuropeanMorning, [StarkOfGlobal]),
        new(Dach, EuropeanMorning.AddHours(7), []),
        new(NaEnterprise, AmericanMorning, [], OpenLeadOfNaEnt2, Excluded: "na-ent-2", Before: s => s.Rep("na-ent-1").OpenLeads = 25),
        new(Dach, EuropeanMorning, [], Excluded: "dach-3", Before: s => s.Rep("dach-1").Active = null),
        new(() => Leads.Qualified() with { Country = "JP" }, EuropeanMorning, []),
        new(NaSmb, AmericanMorning, [StarkOfGlobal], Before: s => s.Rep("global-1").Active = false),
        new(Dach, EuropeanMorning, [], Before: s => { s.Rep("dach-2").OpenLeads = 30; s.Rep("dach-3").OpenLeads = 30; }),
        new(Dach, EuropeanMorning, [], Excluded: "dach-1", Before: s => s.Rep("global-1").Active = null),
        new(Dach, EuropeanMorning, [], Excluded: "global-1", Before: s => s.Rep("dach-1").Active = false),
        new(() => Leads.Plain(), EuropeanMorning, []),
        new(NaEnterprise, AmericanMorning.AddDays(1), []),
        new(NaEnterprise, AmericanMorning.AddDays(1), [], Before: s => s.Rep("na-ent-3").Weight = 6),
        new(NaSmb, AmericanMorning.AddDays(1), [], Before: s => s.Rep("na-smb-2").OpenLeads = 12),
        new(NaEnterprise, AmericanMorning.AddDays(1), [], Before: s => s.Rep("na-ent-3").Weight = null),

        // Counters that move under their cap reach the warm session only when they reach the cap,
        // and every further move over it still changes the objection's wording.
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").OpenLeads = 27),
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").OpenLeads = 29),
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").OpenLeads = 30),
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").OpenLeads = 31),
        new(Dach, EuropeanMorning, [], Before: s => s.Rep("dach-1").OpenLeads = 28),
        new(NaSmb, AmericanMorning, [], Before: s => AssignedToday(s, "na-smb-1", 28)),
        new(NaSmb, AmericanMorning, [], Before: s => AssignedToday(s, "na-smb-1", 30)),
        new(NaSmb, AmericanMorning, [], Before: s => AssignedToday(s, "na-smb-1", 32)),
        new(NaSmb, AmericanMorning, [], Before: s => AssignedToday(s, "na-smb-1", 3)),
    ];

    // na-smb-1 works in New York, where AmericanMorning is the morning of the same date.
    private static void AssignedToday(RoutingState state, string repId, int count)
    {
        state.Rep(repId).AssignedToday = count;
        state.Rep(repId).AssignedDay = DateOnly.FromDateTime(AmericanMorning.UtcDateTime);
    }

    [Fact]
    public void SessionReusedAcrossTeamsAndSnapshots_DecidesAndTracesLikeAFreshSession()
    {
        RuleSet[] snapshots = [SampleRules.Load(), SampleRules.Load()];
        var warmState = EmptyState();
        var freshState = EmptyState();

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < Steps.Length; i++)
            {
                var step = Steps[i];
                step.Before?.Invoke(warmState);
                step.Before?.Invoke(freshState);
                var lead = step.Lead();
                var rules = snapshots[(round + i) % 2];

                var warm = Decide(lead, step, rules, warmState, Sessions);
                var fresh = Decide(lead, step, SampleRules.Load(), freshState, FreshSessions);

                Assert.Equal(Describe(fresh), Describe(warm));
            }
        }
    }

    [Fact]
    public void ExcludedRep_IsNeverChosen_NorNamedAsSkipped()
    {
        var state = EmptyState();
        var reps = new List<string?>();
        foreach (var excluded in (string[])["dach-1", "dach-2", "dach-3"])
        {
            for (var i = 0; i < 6; i++)
            {
                var decision = Assign(Dach(), state, EuropeanMorning, accounts: [UmbrellaOfDach2], excludedRepId: excluded.ToUpperInvariant());
                reps.Add(decision.RepId);
                Assert.NotEqual(excluded, decision.RepId);
                Assert.DoesNotContain(decision.Trace, t => t.Effect.StartsWith($"skipped rep {excluded}", StringComparison.Ordinal));
            }
        }

        Assert.All(reps, Assert.NotNull);
    }

    [Fact]
    public void ExcludedFallbackRep_LeadWaitsInQueueWhenTheTeamIsFull()
    {
        var state = EmptyState();
        Assign(Dach(), state, EuropeanMorning);
        foreach (var rep in (string[])["dach-1", "dach-2", "dach-3"])
            state.Rep(rep).OpenLeads = 30;

        var decision = Assign(Dach(), state, EuropeanMorning, excludedRepId: "global-1");

        Assert.Equal(LeadStatus.Unassigned, decision.Status);
        Assert.Equal("FallbackToQueueRule", decision.Trace[^1].Rule);
        Assert.Equal(3, decision.Trace.Count(t => t.Rule == "AtCapacityRule"));
    }

    private static Decision Decide(LeadInput lead, Step step, RuleSet rules, RoutingState state, ISessionFactory sessions) =>
        RepAssigner.Assign(LeadEvaluator.Evaluate(lead, rules), rules, state,
            new AssignmentContext(step.Now, step.Accounts, step.OpenLead, step.Excluded), sessions);

    private static string Describe(Decision decision) =>
        string.Join("\n", [$"{decision.Status} {decision.TeamId} {decision.RepId}", .. decision.Trace.Select(t => $"{t.Stage} {t.Rule}: {t.Effect}")]);
}
