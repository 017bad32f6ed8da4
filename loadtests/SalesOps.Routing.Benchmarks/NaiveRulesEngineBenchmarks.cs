using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The same scoring, qualification and routing done the way RulesEngine's README shows it:
/// <c>ExecuteAllRulesAsync</c> per workflow per lead, against the engine's compiled-delegate path.
/// </summary>
[MemoryDiagnoser]
public class NaiveRulesEngineBenchmarks
{
    private readonly LeadInput _lead = new()
    {
        ExternalId = "bench-1", Source = "hubspot", Email = "jane.doe@acme-robotics.example", Title = "VP Sales",
        Company = "Acme Robotics GmbH", Country = "Germany", Employees = 1200, LeadSource = "demo-request",
    };

    private RuleSet _rules = null!;
    private RulesEngine.RulesEngine _engine = null!;
    private LeadFacts _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var files = BenchmarkRules.SampleFiles();
        _rules = RuleSetBuilder.Build(files);
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var workflows = new[] { RuleFiles.Scoring, RuleFiles.Qualification, RuleFiles.Routing }
            .Select(name => JsonSerializer.Deserialize<Workflow>(files[name], options)!)
            .ToArray();
        _engine = new RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(LeadFacts), typeof(Fn)] });
        _facts = LeadNormalizer.Normalize(_lead, _rules.FreeMailDomains, []);
    }

    [Benchmark(Baseline = true, Description = "compiled delegates (LeadEvaluator)")]
    public Evaluation Compiled() => LeadEvaluator.Evaluate(_lead, _rules);

    [Benchmark(Description = "naive RulesEngine ExecuteAllRulesAsync x3 workflows")]
    public async Task<int> Naive()
    {
        var facts = LeadNormalizer.Normalize(_lead, _rules.FreeMailDomains, []);
        var input = new RuleParameter("lead", facts);
        var score = 0;
        foreach (var result in await _engine.ExecuteAllRulesAsync("scoring", input))
        {
            if (result.IsSuccess)
                score += Convert.ToInt32(((JsonElement)result.Rule.Properties["points"]).GetInt32());
        }

        var qualified = (await _engine.ExecuteAllRulesAsync("qualification", input)).Count(r => r.IsSuccess);
        var routed = (await _engine.ExecuteAllRulesAsync("routing", input)).FirstOrDefault(r => r.IsSuccess)?.Rule.RuleName;
        return score + qualified + (routed?.Length ?? 0);
    }
}
