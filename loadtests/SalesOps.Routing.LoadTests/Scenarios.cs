using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SalesOps.Routing.LoadTests;

/// <summary>The load shapes: steady, ramp, burst and mixed, each against one target on a running host.</summary>
internal sealed class Scenarios(RunSettings settings, HttpClient client, LeadGenerator leads, AckedLeads acked, HostProcess? host)
{
    private readonly OpenLoopDriver _driver = new(client, settings.MaxInFlight);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public async Task<List<PhaseResult>> RunAsync(Target target, CancellationToken cancellationToken) => settings.Scenario switch
    {
        "steady" => [await WarmedUpAsync(target, cancellationToken), await PhaseAsync(target, "steady", settings.Rate, settings.Duration, cancellationToken)],
        "smoke" => [await PhaseAsync(target, "steady", settings.Rate, settings.Duration, cancellationToken)],
        "ramp" => await RampAsync(target, cancellationToken),
        "burst" => await BurstAsync(target, cancellationToken),
        "mixed" => await MixedAsync(target, cancellationToken),
        _ => throw new ArgumentException($"unknown scenario '{settings.Scenario}'"),
    };

    private async Task<PhaseResult> PhaseAsync(Target target, string phase, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var bodies = await PreparedBodies.PrepareAsync(leads, _runId, OpenLoopDriver.Requests(rate, duration, settings.MaxRequests), cancellationToken);
        // Read outside the measured window, so the scrapes cost the phase nothing.
        var writerBefore = target == Target.Routing ? await WriterStages.ReadAsync(client, cancellationToken) : null;
        host?.Mark();
        var result = await _driver.RunAsync(settings.Scenario, target.Name, phase, rate, duration, settings.MaxRequests,
            async (_, token) => new HttpRequestMessage(HttpMethod.Post, target.Path) { Content = await bodies.NextAsync(token) },
            target == Target.Routing ? acked.RecordAsync : null, null, cancellationToken);
        if (host is not null)
            result = result.WithHost(host.Usage());
        if (writerBefore is not null && await WriterStages.ReadAsync(client, cancellationToken) is { } writerAfter)
            result = result with { WriterMicrosPerItem = writerAfter.MicrosPerItemSince(writerBefore) };
        return result;
    }

    // A fresh host compiles the rule sessions' code on first use; a backlog built then would sit in the
    // steady phase's numbers long after. Half the rate for 10 s, reported apart as "warm-up".
    private Task<PhaseResult> WarmedUpAsync(Target target, CancellationToken cancellationToken) =>
        PhaseAsync(target, "warm-up", Math.Max(1, settings.Rate / 2), TimeSpan.FromSeconds(10), cancellationToken);

    // Steps the offered rate up until p99 passes the limit or errors appear, then steps finely again
    // from the last clean rate (RampPlan; down first when the first rate fails); the best clean step
    // is the max sustainable rate.
    private async Task<List<PhaseResult>> RampAsync(Target target, CancellationToken cancellationToken)
    {
        // Not reported: the first seconds of a fresh host are JIT and tiering (the rule sessions compile
        // code on first use), not its sustainable speed; 3 s left the routing path's first step slow.
        await PhaseAsync(target, "warm-up", settings.Rate, TimeSpan.FromSeconds(10), cancellationToken);
        var results = new List<PhaseResult>();
        var plan = new RampPlan(settings.Rate, settings.RampStepFactor, settings.RampRefineFactor, settings.RampMaxRate);
        for (double? rate = plan.First; rate is { } offered; )
        {
            var step = await PhaseAsync(target, $"ramp {offered.ToString("F0", CultureInfo.InvariantCulture)}/s", offered, settings.RampStep, cancellationToken);
            results.Add(step);
            Console.WriteLine(Report.Line(step));
            rate = plan.Next(offered, step.P99Ms <= settings.P99LimitMs && step.ErrorCount == 0);
            // A backlog a failed step left must drain before the next one starts.
            await Task.Delay(TimeSpan.FromSeconds(step.ErrorCount > 0 || step.P99Ms > settings.P99LimitMs ? 5 : 1), cancellationToken);
        }

        return results;
    }

    private async Task<List<PhaseResult>> BurstAsync(Target target, CancellationToken cancellationToken) =>
    [
        await PhaseAsync(target, "before", settings.Rate, TimeSpan.FromSeconds(5), cancellationToken),
        await PhaseAsync(target, "burst x10", settings.Rate * 10, TimeSpan.FromSeconds(10), cancellationToken),
        await PhaseAsync(target, "after", settings.Rate, TimeSpan.FromSeconds(5), cancellationToken),
    ];

    // Posts at the given rate while, at the same time, reps touch a fifth of them and managers read rep load.
    private async Task<List<PhaseResult>> MixedAsync(Target target, CancellationToken cancellationToken)
    {
        if (target != Target.Routing)
            return [await PhaseAsync(target, "posts", settings.Rate, settings.Duration, cancellationToken)];

        // As in steady, and for the touch and read endpoints too, but longer: with three endpoints'
        // code compiling at once, a fresh host still answered posts at a p99 of 81 ms 10 s into this
        // load, and at 30 ms once warm.
        var warmUp = await MixedPhasesAsync(target, "warm-up ", Math.Max(1, settings.Rate / 2), TimeSpan.FromSeconds(30), cancellationToken);
        return [.. warmUp, .. await MixedPhasesAsync(target, "", settings.Rate, settings.Duration, cancellationToken)];
    }

    private async Task<PhaseResult[]> MixedPhasesAsync(Target target, string prefix, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var posts = PhaseAsync(target, prefix + "posts", rate, duration, cancellationToken);
        var touches = _driver.RunAsync(settings.Scenario, target.Name, prefix + "touches", rate / 5, duration, settings.MaxRequests, (_, _) =>
            ValueTask.FromResult(acked.TryTake(out var id)
                ? new HttpRequestMessage(HttpMethod.Post, $"/api/leads/{id}/status") { Content = JsonContent.Create(new JsonObject { ["status"] = "working" }) }
                : new HttpRequestMessage(HttpMethod.Get, "/health/ready")), null, null, cancellationToken);
        var reads = _driver.RunAsync(settings.Scenario, target.Name, prefix + "reads", Math.Max(1, rate / 20), duration, settings.MaxRequests,
            (_, _) => ValueTask.FromResult(new HttpRequestMessage(HttpMethod.Get, "/api/teams")), null, null, cancellationToken);
        var (postsDone, touchesDone, readsDone) = (await posts, await touches, await reads);
        // The host's CPU over the posts' window is what it spent on all three.
        return [postsDone with { HostThroughput = postsDone.Throughput + touchesDone.Throughput + readsDone.Throughput }, touchesDone, readsDone];
    }
}
