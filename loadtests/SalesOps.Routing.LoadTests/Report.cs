using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SalesOps.Routing.LoadTests;

/// <summary>Prints results and writes them as Markdown and JSON.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Line(PhaseResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Target,-13} {r.Phase,-16} offered {r.OfferedRate,8:F0}/s  done {r.Throughput,8:F0}/s  p50 {r.P50Ms,7:F2}  p90 {r.P90Ms,7:F2}  p99 {r.P99Ms,7:F2}  p99.9 {r.P999Ms,7:F2} ms  errors {r.ErrorCount}  cpu {r.HostCpuCores:F2} ({r.HostCpuMicrosPerRequest:F0} µs/request, waited {r.HostRunQueueCores:F2})  rss {r.HostPeakRssMb:F0} MB  runner cpu {r.RunnerCpuCores:F2} ({r.RunnerCpuMicrosPerRequest:F0} µs/request){WriterLine(r)}");

    /// <summary>
    /// The writer's µs for each lead or change it committed, by stage, as " writer N µs/item (stage n, …)", or nothing
    /// when the phase has none. An item, since the touches a mixed run sends meanwhile are committed by the same writer.
    /// </summary>
    public static string WriterLine(PhaseResult r) => r.WriterMicrosPerItem is { Count: > 0 } stages
        ? string.Create(CultureInfo.InvariantCulture,
            $"  writer {stages.Values.Sum():F0} µs/item ({string.Join(", ", stages.Select(s => FormattableString.Invariant($"{s.Key} {s.Value:F1}")))})")
        : "";

    public static async Task WriteAsync(string folder, RunSettings settings, IReadOnlyList<PhaseResult> results, Verification? verification,
        TimeSpan? startToReady, SlaResult? sla, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var basePath = Path.Combine(folder, $"{settings.Scenario}-{stamp}");
        var document = new
        {
            settings.Scenario, settings.Rate, DurationSeconds = settings.Duration.TotalSeconds, settings.Connections, settings.MaxInFlight, settings.HostSettings, Machine = Machine(),
            StartToReadySeconds = startToReady?.TotalSeconds, Results = results, Ratios = Ratios(results, settings.P99LimitMs),
            MaxNotFound = MaxNotFound(results, settings.P99LimitMs), Verification = verification, Sla = sla,
        };
        await File.WriteAllTextAsync(basePath + ".json", JsonSerializer.Serialize(document, Json), cancellationToken);
        await File.WriteAllTextAsync(basePath + ".md", Markdown(settings, results, verification, startToReady) + SlaReport.Markdown(sla), cancellationToken);
        Console.WriteLine($"Wrote {basePath}.md and .json");
    }

    /// <summary>
    /// The routing path's max sustainable throughput against each baseline's, in the same run: the best
    /// phase with no errors and p99 within the limit (a phase past it is load the target did not sustain).
    /// Null where either side has no such phase: there is nothing sustained to compare.
    /// </summary>
    public static Dictionary<string, double?> Ratios(IReadOnlyList<PhaseResult> results, double p99LimitMs)
    {
        var routing = Best(results, Target.Routing.Name, p99LimitMs);
        return Baselines(results).ToDictionary(t => $"routing / {t.Name}",
            t => routing is { } r && Best(results, t.Name, p99LimitMs) is { } b ? Math.Round(r / b, 3) : (double?)null);
    }

    /// <summary>Each ratio as a line to print: the percentage, or why there is none; a bound where a ramp did not find a max.</summary>
    public static IEnumerable<string> RatioLines(IReadOnlyList<PhaseResult> results, double p99LimitMs)
    {
        var notFound = MaxNotFound(results, p99LimitMs);
        foreach (var (name, ratio) in Ratios(results, p99LimitMs))
        {
            var baseline = name["routing / ".Length..];
            if (ratio is not { } value)
            {
                var unsustained = Best(results, Target.Routing.Name, p99LimitMs) is null ? Target.Routing.Name : baseline;
                yield return $"{name}: n/a: {NotSustained(results, unsustained, p99LimitMs)}";
                continue;
            }

            var percent = value.ToString("P1", CultureInfo.InvariantCulture);
            yield return (notFound.Contains(Target.Routing.Name), notFound.Contains(baseline)) switch
            {
                (true, true) => $"{name}: {percent}, which bounds nothing (neither routing nor {baseline} failed a step of its ramp)",
                (true, false) => $"{name}: at least {percent} ({PassedEveryStep(Target.Routing.Name)})",
                (false, true) => $"{name}: at most {percent} ({PassedEveryStep(baseline)})",
                _ => $"{name}: {percent}",
            };
        }
    }

    /// <summary>What a run ends with, on the console and in its Markdown: the ratios, then the host's CPU a request at each max.</summary>
    public static IEnumerable<string> SummaryLines(IReadOnlyList<PhaseResult> results, double p99LimitMs) =>
        HostCostLine(results, p99LimitMs) is { } cost ? [.. RatioLines(results, p99LimitMs), cost] : RatioLines(results, p99LimitMs);

    /// <summary>
    /// The host's CPU a request at each target's max in a ramp (its best sustained step), where the runner
    /// started the host: the ratios' cause, read off the same run. A target whose CPU a request is
    /// close to another's cannot run much faster than it on the same cores. Null with nothing to show.
    /// </summary>
    public static string? HostCostLine(IReadOnlyList<PhaseResult> results, double p99LimitMs)
    {
        List<PhaseResult> ramp = [.. results.Where(r => r.Scenario == "ramp")];
        var costs = Target.All
            .Select(t => BestPhase(ramp, t.Name, p99LimitMs))
            .OfType<PhaseResult>()
            .Where(r => r.HostCpuCores > 0)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Target} {r.HostCpuMicrosPerRequest:F0} µs at {r.Throughput:F0}/s"))
            .ToList();
        return costs.Count == 0 ? null : $"host CPU a request at each max: {string.Join(", ", costs)}";
    }

    private static string PassedEveryStep(string target) => $"{target} passed every step of its ramp, so its max is higher than measured";

    private static IEnumerable<Target> Baselines(IReadOnlyList<PhaseResult> results) =>
        results.Any(r => r.Target == Target.Routing.Name)
            ? Target.All.Where(t => t != Target.Routing && results.Any(r => r.Target == t.Name))
            : [];

    /// <summary>
    /// The targets whose ramp ended at its top rate without a failed step: their max was not found,
    /// so their best step is a lower bound of it, and a ratio with it a bound, not a measure.
    /// </summary>
    public static IReadOnlyList<string> MaxNotFound(IReadOnlyList<PhaseResult> results, double p99LimitMs) =>
        [.. results.GroupBy(r => r.Target)
            .Where(phases => phases.All(r => r.Scenario == "ramp" && r.ErrorCount == 0 && r.P99Ms <= p99LimitMs))
            .Select(phases => phases.Key)];

    private static double? Best(IReadOnlyList<PhaseResult> results, string target, double p99LimitMs) =>
        BestPhase(results, target, p99LimitMs)?.Throughput;

    // A target's max: its busiest phase with no errors and p99 within the limit.
    private static PhaseResult? BestPhase(IReadOnlyList<PhaseResult> results, string target, double p99LimitMs) =>
        results.Where(r => r.Target == target && r.ErrorCount == 0 && r.P99Ms <= p99LimitMs && r.Throughput > 0)
            .MaxBy(r => r.Throughput);

    // Why a target has no sustained phase, from its busiest one.
    private static string NotSustained(IReadOnlyList<PhaseResult> results, string target, double p99LimitMs)
    {
        var busiest = results.Where(r => r.Target == target).MaxBy(r => r.Throughput)!;
        return busiest.ErrorCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{target} had errors ({busiest.ErrorCount} in {busiest.Phase})")
            : string.Create(CultureInfo.InvariantCulture, $"{target}'s p99 over the limit ({busiest.P99Ms:F1} ms > {p99LimitMs:F0} ms in {busiest.Phase})");
    }

    private static string Markdown(RunSettings settings, IReadOnlyList<PhaseResult> results, Verification? verification, TimeSpan? startToReady)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load run: {settings.Scenario}");
        md.AppendLine();
        var load = settings.Scenario == "ramp"
            ? string.Create(CultureInfo.InvariantCulture, $"Ramp from {settings.Rate:F0}/s in {settings.RampStep.TotalSeconds:F0} s steps, each {settings.RampStepFactor:0.###}× the last; after the first failed step, {settings.RampRefineFactor:0.###}× again from the last clean one (down by the same steps first when the first rate fails).")
            : string.Create(CultureInfo.InvariantCulture, $"Offered rate {settings.Rate:F0}/s, {settings.Duration.TotalSeconds:F0} s per phase.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}. {load} {settings.Connections} connections, at most {settings.MaxInFlight} requests in flight.");
        if (settings.HostSettings.Count > 0)
            md.AppendLine(CultureInfo.InvariantCulture, $"Host settings: {string.Join(", ", settings.HostSettings.Select(h => $"`{h}`"))}.");
        if (startToReady is { } ready)
            md.AppendLine(CultureInfo.InvariantCulture, $"Host start to ready: {ready.TotalSeconds:F2} s.");
        md.AppendLine();
        md.AppendLine("| target | phase | offered/s | done/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | host CPU (cores) | host CPU µs/request | host CPU waited for (cores) | host peak RSS MB | runner CPU (cores) | runner CPU µs/request |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Target} | {r.Phase} | {r.OfferedRate:F0} | {r.Throughput:F0} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.P999Ms:F2} | {r.MaxMs:F1} | {r.ErrorCount} | {r.HostCpuCores:F2} | {r.HostCpuMicrosPerRequest:F0} | {r.HostRunQueueCores:F2} | {r.HostPeakRssMb:F0} | {r.RunnerCpuCores:F2} | {r.RunnerCpuMicrosPerRequest:F0} |");
        }

        var withWriter = results.Where(r => r.WriterMicrosPerItem is { Count: > 0 }).ToList();
        if (withWriter.Count > 0)
        {
            // The stages as the host names them, in the order it publishes them.
            var stages = withWriter[0].WriterMicrosPerItem!.Keys.ToList();
            md.AppendLine();
            md.AppendLine("The routing writer's time a lead or change it committed, by stage (µs):");
            md.AppendLine();
            md.AppendLine($"| phase | {string.Join(" | ", stages)} | total |");
            md.AppendLine($"| --- |{string.Concat(stages.Select(_ => " ---: |"))} ---: |");
            foreach (var r in withWriter)
            {
                var values = stages.Select(s => r.WriterMicrosPerItem!.GetValueOrDefault(s).ToString("F1", CultureInfo.InvariantCulture));
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Phase} | {string.Join(" | ", values)} | {r.WriterMicrosPerItem!.Values.Sum():F1} |");
            }
        }

        md.AppendLine();
        foreach (var line in SummaryLines(results, settings.P99LimitMs))
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        if (verification is not null)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Verification ({(verification.Passed ? "passed" : "FAILED")}): {verification.Acknowledged} leads acknowledged, {verification.Missing} missing, {verification.DuplicateKeys} duplicated, {verification.AssignedWithoutAssignment} assigned without an assignment row.");
        }

        return md.ToString();
    }

    private static string Machine() => $"{Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024d / 1024 / 1024)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
}
