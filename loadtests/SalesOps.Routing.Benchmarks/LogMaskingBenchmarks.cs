using BenchmarkDotNet.Attributes;
using SalesOps.Routing.Host.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// What masking costs each log line before it is written: the request line every post writes at the
/// default level (nothing in it to mask), and a line whose text holds an e-mail and a phone number.
/// </summary>
[MemoryDiagnoser]
public class LogMaskingBenchmarks
{
    private readonly SensitiveDataMasker _masker = new();
    private LogEvent _requestLine = null!;

    [GlobalSetup]
    public void Setup() => _requestLine = Event("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {Client}",
        ("RequestMethod", "POST"), ("RequestPath", "/api/leads"), ("StatusCode", 201), ("Elapsed", 1.8342),
        ("Client", "hubspot-forms"), ("RequestId", "0HNHC5K1T1VQ8:0000A3F1"), ("ConnectionId", "0HNHC5K1T1VQ8"),
        ("SourceContext", "Serilog.AspNetCore.RequestLoggingMiddleware"));

    [Benchmark(Description = "request line, nothing to mask")]
    public int RequestLine()
    {
        _masker.Enrich(_requestLine, null!);
        return _requestLine.Properties.Count;
    }

    [Benchmark(Description = "note with an e-mail and a phone number")]
    public string FreeText() => SensitiveDataMasker.MaskText("call jane.doe@acme-robotics.example on +49 89 5550 1234 before noon");

    private static LogEvent Event(string template, params (string Name, object Value)[] properties) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));
}
