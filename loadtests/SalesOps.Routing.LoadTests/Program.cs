using System.CommandLine;
using SalesOps.Routing.LoadTests;

var scenario = new Argument<string>("scenario") { Description = "steady | ramp | burst | mixed | smoke | sla-storm" };
var rate = new Option<double>("--rate") { Description = "Arrival rate in requests per second (the start rate for ramp; leads posted during sla-storm, default 100 there, 0 for none).", DefaultValueFactory = _ => 500 };
var duration = new Option<TimeSpan>("--duration") { Description = "Length of each phase, e.g. 00:00:30.", DefaultValueFactory = _ => TimeSpan.FromSeconds(20) };
var targets = new Option<string[]>("--targets") { Description = "routing, noop, naive, group-commit.", DefaultValueFactory = _ => ["noop", "naive", "group-commit", "routing"], AllowMultipleArgumentsPerToken = true };
var url = new Option<Uri?>("--url") { Description = "Drive an already running host instead of starting one (no database verification)." };
var apiKey = new Option<string>("--api-key") { Description = "Key for --url (ingest role); default ROUTING_API_KEY or the development key.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ROUTING_API_KEY") ?? "dev-local-key" };
var maxRequests = new Option<long>("--max-requests") { Description = "Upper bound on requests per phase.", DefaultValueFactory = _ => 2_000_000 };
var maxInFlight = new Option<int>("--max-in-flight") { Description = "Client bound on concurrent requests.", DefaultValueFactory = _ => 4096 };
var output = new Option<string>("--out") { Description = "Folder for the Markdown and JSON reports.", DefaultValueFactory = _ => "loadtests/results" };
var p99Limit = new Option<double>("--p99-limit-ms") { Description = "Ramp stops when p99 passes this.", DefaultValueFactory = _ => 100 };
var rampStep = new Option<double>("--ramp-step-factor") { Description = "Ramp: each step's rate is the last one's times this (smaller steps find the max more closely).", DefaultValueFactory = _ => 1.25 };
rampStep.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double>() is < 1.02 or > 4)
        result.AddError("--ramp-step-factor must be between 1.02 and 4.");
});
var timers = new Option<int>("--timers") { Description = "sla-storm: first-touch clocks that come due in the same second.", DefaultValueFactory = _ => 100_000 };
timers.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
        result.AddError("--timers must be at least 1.");
});
var hostSettings = new Option<string[]>("--host-setting") { Description = "Configuration for the started host as Key=Value, e.g. Sla:BatchSize=100 (repeatable).", AllowMultipleArgumentsPerToken = false };
var shortSla = new Option<bool>("--short-sla") { Description = "Run on a copy of rules/ whose SLA clocks run out after 1 minute around the clock, and report breach lag (use --duration over 1 minute)." };

var root = new RootCommand("Open-model load runner for SalesOps.Routing: drives the real path and baselines, verifies through the database.")
{
    scenario, rate, duration, targets, url, apiKey, maxRequests, maxInFlight, output, p99Limit, rampStep, timers, shortSla, hostSettings,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var name = parse.GetValue(scenario)!;
    var smoke = name == "smoke";
    var storm = name == "sla-storm";
    var settings = new RunSettings
    {
        Scenario = name,
        Rate = smoke ? 200 : storm && parse.GetResult(rate) is null or { Implicit: true } ? 100 : parse.GetValue(rate),
        Duration = smoke ? TimeSpan.FromSeconds(8) : parse.GetValue(duration),
        Targets = smoke ? [Target.Noop, Target.Routing] : [.. parse.GetValue(targets)!.Select(Target.Parse)],
        Url = parse.GetValue(url),
        ApiKey = parse.GetValue(apiKey)!,
        MaxRequests = parse.GetValue(maxRequests),
        MaxInFlight = parse.GetValue(maxInFlight),
        OutputFolder = parse.GetValue(output)!,
        P99LimitMs = parse.GetValue(p99Limit),
        RampStepFactor = parse.GetValue(rampStep),
        Timers = parse.GetValue(timers),
        ShortSla = parse.GetValue(shortSla),
        HostSettings = parse.GetValue(hostSettings) ?? [],
    };

    // Every run is bounded: at most this long, whatever the options say.
    using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    bound.CancelAfter(TimeSpan.FromMinutes(30));
    return await LoadRunner.RunAsync(settings, bound.Token);
});

return await root.Parse(args).InvokeAsync();
