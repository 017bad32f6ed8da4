using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The JSON every posted lead costs besides its rules: reading and checking the posted body, the
/// decision trace the writer stores and the answer the request returns, with reflection-built
/// serializers and with the generated ones.
/// </summary>
[MemoryDiagnoser]
public class LeadJsonBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Generated = LeadJsonContext.WebOptions();
    // A body as the load runner posts it: every field a form tool sends, with two custom fields.
    private static readonly byte[] PostedBody = """
        {"externalId":"run-1842","source":"hubspot","email":"jane.doe.4711@acme-robotics.de","firstName":"Jane","lastName":"Doe",
        "title":"VP Sales","company":"Acme Robotics GmbH","country":"Germany","state":"BY","postalCode":"80331","industry":"Manufacturing",
        "employees":1200,"annualRevenue":48000000,"leadSource":"demo-request","campaign":"Ergonomic Steel Chair",
        "attributes":{"pricingPageVisits":"3","trial":true}}
        """u8.ToArray();

    private readonly MemoryStream _answer = new();
    private readonly ArrayBufferWriter<byte> _answerBuffer = new(4096);
    private Decision _decision = null!;
    private LeadResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = RuleSetBuilder.Build(BenchmarkRules.SampleFiles());
        var lead = BenchmarkLead.Create();
        var at = BenchmarkLead.EuropeanMorning;
        _decision = RepAssigner.Assign(LeadEvaluator.Evaluate(lead, rules), rules, new RoutingState([]), new AssignmentContext(at, []), AssignmentRules.Compile());
        _response = LeadResponse.From(new LeadRecord("0193", lead.Source, lead.ExternalId, at, _decision));
    }

    [Benchmark(Description = "posted body, read and checked")]
    public object? ReadPostedBody()
    {
        using var document = JsonDocument.Parse(PostedBody, LeadEndpoints.DocumentOptions);
        return LeadPayloadParser.Parse(document.RootElement, new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    [Benchmark(Baseline = true, Description = "stored trace, reflection")]
    public string TraceReflection() => JsonSerializer.Serialize(_decision.Trace, Reflection);

    [Benchmark(Description = "stored trace, generated")]
    public string TraceGenerated() => JsonSerializer.Serialize(_decision.Trace, LeadStore.TraceJson);

    [Benchmark(Description = "answer to a post, reflection")]
    public long AnswerReflection() => Write(Reflection);

    [Benchmark(Description = "answer to a post, generated")]
    public long AnswerGenerated() => Write(Generated);

    // As LeadAnswerResult writes it: the generated type's own serializer, in one synchronous pass.
    [Benchmark(Description = "answer to a post, as the endpoint writes it")]
    public long AnswerAsWritten()
    {
        _answerBuffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_answerBuffer))
            JsonSerializer.Serialize(json, _response, LeadJsonContext.Default.LeadResponse);
        return _answerBuffer.WrittenCount;
    }

    private long Write(JsonSerializerOptions options)
    {
        _answer.Position = 0;
        JsonSerializer.Serialize(_answer, _response, options);
        return _answer.Position;
    }
}
