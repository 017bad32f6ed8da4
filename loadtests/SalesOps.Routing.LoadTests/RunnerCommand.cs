using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SalesOps.Routing.LoadTests;

/// <summary>The runner's command line: its options, and how a parse of them becomes <see cref="RunSettings"/>.</summary>
/// <remarks>Kept apart from Program so that tests can parse command lines without starting a run.</remarks>
internal static class RunnerCommand
{
    public static RootCommand Build()
    {
        var scenario = new Argument<string>("scenario") { Description = "steady | ramp | burst | mixed | smoke | sla-storm" };
        var rate = new Option<double>("--rate") { Description = "Arrival rate in requests per second (the start rate for ramp; leads posted during sla-storm, default 100 there, 0 for none).", DefaultValueFactory = _ => 500 };
        var duration = new Option<TimeSpan>("--duration") { Description = "Length of each phase, e.g. 00:00:30.", DefaultValueFactory = _ => TimeSpan.FromSeconds(20) };
        var targets = new Option<string[]>("--targets") { Description = "routing, noop, naive, group-commit.", DefaultValueFactory = _ => ["noop", "naive", "group-commit", "routing"], AllowMultipleArgumentsPerToken = true };
        var url = new Option<Uri?>("--url")
        {
            Description = "Drive an already running host instead of starting one (no database verification).",
            // System.CommandLine has no converter for Uri of its own.
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    return uri;
                result.AddError($"--url must be an absolute http or https address, not '{text}'.");
                return null;
            },
        };
        var apiKey = new Option<string>("--api-key") { Description = "Key for --url (ingest role); default ROUTING_API_KEY or the development key.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ROUTING_API_KEY") ?? "dev-local-key" };
        var maxRequests = new Option<long>("--max-requests") { Description = "Upper bound on requests per phase.", DefaultValueFactory = _ => 2_000_000 };
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Client bound on concurrent requests.", DefaultValueFactory = _ => 4096 };
        var connections = new Option<int>("--connections")
        {
            Description = "Connections the runner keeps to the host; requests beyond them wait for one, and that wait counts in their latency.",
            DefaultValueFactory = _ => 256,
        };
        MustBeAtLeastOne(connections);
        var output = new Option<string>("--out") { Description = "Folder for the Markdown and JSON reports.", DefaultValueFactory = _ => "loadtests/results" };
        var p99Limit = new Option<double>("--p99-limit-ms") { Description = "Ramp stops when p99 passes this.", DefaultValueFactory = _ => 100 };
        var rampStep = new Option<double>("--ramp-step-factor") { Description = "Ramp: each step's rate is the last one's times this (smaller steps find the max more closely).", DefaultValueFactory = _ => 1.25 };
        MustBeBetween(rampStep, 1.02, 4);
        var rampRefine = new Option<double>("--ramp-refine-factor") { Description = "Ramp: after the first failed step, climb again from the last clean rate by this factor, short of the failed rate (not below --ramp-step-factor: no second climb).", DefaultValueFactory = _ => 1.05 };
        MustBeBetween(rampRefine, 1.01, 4);
        var timers = new Option<int>("--timers") { Description = "sla-storm: first-touch clocks that come due in the same second.", DefaultValueFactory = _ => 100_000 };
        MustBeAtLeastOne(timers);
        var hostSettings = new Option<string[]>("--host-setting") { Description = "Configuration for the started host as Key=Value, e.g. Sla:BatchSize=100 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var shortSla = new Option<bool>("--short-sla") { Description = "Run on a copy of rules/ whose SLA clocks run out after 1 minute around the clock, and report breach lag (use --duration over 1 minute)." };

        return new RootCommand("Open-model load runner for SalesOps.Routing: drives the real path and baselines, verifies through the database.")
        {
            scenario, rate, duration, targets, url, apiKey, maxRequests, maxInFlight, connections, output, p99Limit, rampStep, rampRefine, timers, shortSla, hostSettings,
        };
    }

    private static void MustBeBetween(Option<double> option, double min, double max) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<double>() < min || result.GetValueOrDefault<double>() > max)
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max}."));
    });

    private static void MustBeAtLeastOne(Option<int> option) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int>() < 1)
            result.AddError($"{option.Name} must be at least 1.");
    });

    /// <summary>The settings a parse of <see cref="Build"/>'s command asks for; throws for an unknown target.</summary>
    /// <remarks>Symbols are found by name, so this serves any command <see cref="Build"/> returns.</remarks>
    public static RunSettings Settings(ParseResult parse)
    {
        var name = parse.GetValue<string>("scenario")!;
        var smoke = name == "smoke";
        var storm = name == "sla-storm";
        return new RunSettings
        {
            Scenario = name,
            // sla-storm posts 100 leads/s unless --rate is given, even as 0 (the default of 500 is for the other scenarios).
            Rate = smoke ? 200 : storm && parse.GetResult("--rate") is null or OptionResult { Implicit: true } ? 100 : parse.GetValue<double>("--rate"),
            Duration = smoke ? TimeSpan.FromSeconds(8) : parse.GetValue<TimeSpan>("--duration"),
            Targets = smoke ? [Target.Noop, Target.Routing] : [.. parse.GetValue<string[]>("--targets")!.Select(Target.Parse)],
            Url = parse.GetValue<Uri?>("--url"),
            ApiKey = parse.GetValue<string>("--api-key")!,
            MaxRequests = parse.GetValue<long>("--max-requests"),
            MaxInFlight = parse.GetValue<int>("--max-in-flight"),
            Connections = parse.GetValue<int>("--connections"),
            OutputFolder = parse.GetValue<string>("--out")!,
            P99LimitMs = parse.GetValue<double>("--p99-limit-ms"),
            RampStepFactor = parse.GetValue<double>("--ramp-step-factor"),
            RampRefineFactor = parse.GetValue<double>("--ramp-refine-factor"),
            Timers = parse.GetValue<int>("--timers"),
            ShortSla = parse.GetValue<bool>("--short-sla"),
            HostSettings = parse.GetValue<string[]>("--host-setting") ?? [],
        };
    }
}
