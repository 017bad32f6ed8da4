using BenchmarkDotNet.Attributes;
using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The full decision for one lead as the writer makes it: normalize, score, qualify and route with
/// the compiled RulesEngine expressions, then assign through an NRules session.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private static readonly ISessionFactory Sessions = AssignmentRules.Compile();

    private readonly LeadInput _lead = BenchmarkLead.Create();

    private RuleSet _sample = null!;
    private RuleSet _hundredReps = null!;
    private RuleSet _territories = null!;
    private RoutingState _state = null!;
    private RoutingState _climbing = null!;
    private int _decidedWhileClimbing;
    private AssignmentContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sample = RuleSetBuilder.Build(BenchmarkRules.SampleFiles());
        _hundredReps = RuleSetBuilder.Build(BenchmarkRules.WithLargeTeam(100));
        _territories = RuleSetBuilder.Build(BenchmarkRules.WithTerritoryRules(500, 200));
        _state = new RoutingState([]);
        _climbing = new RoutingState([]);
        _context = new AssignmentContext(BenchmarkLead.EuropeanMorning, []);
    }

    [Benchmark(Description = "evaluate only (score, qualify, route), sample rules")]
    public Evaluation EvaluateSample() => LeadEvaluator.Evaluate(_lead, _sample);

    [Benchmark(Description = "evaluate only, 500 territory rules")]
    public Evaluation EvaluateTerritories() => LeadEvaluator.Evaluate(_lead, _territories);

    [Benchmark(Baseline = true, Description = "full decision, sample rules (3-rep team)")]
    public Decision DecideSample() => Decide(_sample);

    [Benchmark(Description = "full decision, sample rules, open leads climbing under the cap")]
    public Decision DecideSampleWhileOpenLeadsClimb()
    {
        var decision = RepAssigner.Assign(LeadEvaluator.Evaluate(_lead, _sample), _sample, _climbing, _context, Sessions);

        // Reps work their leads in rounds, as in a working day: each one's open leads climb by one
        // per lead it takes, staying under the sample cap of 30, then all are worked at once.
        if (++_decidedWhileClimbing % 60 == 0)
        {
            foreach (var rep in _sample.Teams[decision.TeamId!].Reps)
                _climbing.Rep(rep.Id).OpenLeads = 0;
        }

        return decision;
    }

    [Benchmark(Description = "full decision, sample rules, 100-rep team")]
    public Decision DecideHundredReps() => Decide(_hundredReps);

    [Benchmark(Description = "full decision, 500 territory rules, 200-rep team")]
    public Decision DecideTerritories() => Decide(_territories);

    private Decision Decide(RuleSet rules)
    {
        var decision = RepAssigner.Assign(LeadEvaluator.Evaluate(_lead, rules), rules, _state, _context, Sessions);

        // The rep works the lead at once, so capacity never binds and every call takes the same path.
        if (decision.RepId is not null)
            _state.Rep(decision.RepId).OpenLeads--;
        return decision;
    }
}
