using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Engine.Tests.Assignment;

/// <summary>Runs the real NRules assignment rule set over the sample rules, as the host does.</summary>
internal static class AssignmentHarness
{
    /// <summary>Wednesday 25 Nov 2026, 11:00 in Berlin: DACH and UKI reps are at work, North America is asleep.</summary>
    public static readonly DateTimeOffset EuropeanMorning = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 25 Nov 2026, 11:00 in New York, 08:00 in Los Angeles.</summary>
    public static readonly DateTimeOffset AmericanMorning = new(2026, 11, 25, 16, 0, 0, TimeSpan.Zero);

    public static ISessionFactory Sessions { get; } = AssignmentRules.Compile();

    public static RuleSet Rules { get; } = SampleRules.Load();

    public static Decision Assign(LeadInput lead, RoutingState state, DateTimeOffset now,
        IReadOnlyList<AccountMatch>? accounts = null, OpenLeadMatch? openLead = null, string? excludedRepId = null, RuleSet? rules = null)
    {
        rules ??= Rules;
        var evaluation = LeadEvaluator.Evaluate(lead, rules);
        return RepAssigner.Assign(evaluation, rules, state, new AssignmentContext(now, accounts ?? [], openLead, excludedRepId), Sessions);
    }

    public static LeadInput Dach() => Leads.Qualified() with { Country = "DE" };

    public static LeadInput NaEnterprise() => Leads.Qualified() with { Country = "US", Employees = 5000 };

    public static LeadInput NaSmb() => Leads.Qualified() with { Country = "US", Employees = 20 };

    public static RoutingState EmptyState() => new([]);

    /// <summary>
    /// Assigns <paramref name="count"/> leads one after another on one state, returning the reps in order.
    /// With <paramref name="touchEachLead"/> every rep works each lead at once, so capacity never binds.
    /// </summary>
    public static List<string?> AssignMany(Func<LeadInput> lead, int count, RoutingState state, DateTimeOffset now, bool touchEachLead = true)
    {
        var reps = new List<string?>(count);
        for (var i = 0; i < count; i++)
        {
            var rep = Assign(lead(), state, now).RepId;
            if (touchEachLead && rep is not null)
                state.Rep(rep).OpenLeads--;
            reps.Add(rep);
        }

        return reps;
    }
}
