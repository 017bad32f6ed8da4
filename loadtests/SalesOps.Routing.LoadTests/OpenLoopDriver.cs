using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Sends requests at a fixed arrival rate whatever the server does (an open model), and measures
/// each latency from the moment the request was due, not from when it was sent: a slow server
/// cannot hide its queueing by slowing the client down (no coordinated omission).
/// </summary>
internal sealed class OpenLoopDriver(HttpClient client, int maxInFlight)
{
    private const long HighestMicros = 120_000_000;

    /// <summary>How many requests a phase sends at <paramref name="rate"/> for <paramref name="duration"/>, at most <paramref name="maxRequests"/>.</summary>
    public static long Requests(double rate, TimeSpan duration, long maxRequests) => Math.Min(maxRequests, (long)Math.Round(rate * duration.TotalSeconds));

    public async Task<PhaseResult> RunAsync(
        string scenario, string target, string phase, double rate, TimeSpan duration, long maxRequests,
        Func<long, CancellationToken, ValueTask<HttpRequestMessage>> request, Func<HttpResponseMessage, CancellationToken, Task>? onSuccess, Func<bool>? stopWhen,
        CancellationToken cancellationToken)
    {
        var histogram = new LongConcurrentHistogram(1, HighestMicros, 3);
        var errors = new ConcurrentDictionary<string, long>();
        var total = Requests(rate, duration, maxRequests);
        long succeeded = 0, inFlight = 0, completed = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cpuAtStart = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / rate;

        void Finish()
        {
            if (Interlocked.Increment(ref completed) == Interlocked.Read(ref total))
                allDone.TrySetResult();
        }

        async Task SendAsync(long index, long due)
        {
            try
            {
                using var message = await request(index, cancellationToken);
                using var response = await client.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    if (onSuccess is not null)
                        await onSuccess(response, cancellationToken);
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    errors.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                errors.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            }
            finally
            {
                histogram.RecordValue(Math.Min(HighestMicros, Math.Max(1, (Stopwatch.GetTimestamp() - due) * 1_000_000 / Stopwatch.Frequency)));
                Interlocked.Decrement(ref inFlight);
                Finish();
            }
        }

        if (total == 0)
            allDone.TrySetResult();
        long issued = 0;
        for (; issued < total && !cancellationToken.IsCancellationRequested && stopWhen?.Invoke() != true; issued++)
        {
            var i = issued;
            var due = start + (long)(i * ticksPerRequest);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 500)
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency), cancellationToken);

            if (Interlocked.Read(ref inFlight) >= maxInFlight)
            {
                // The client's own bound: count it against the server, which let this many pile up.
                errors.AddOrUpdate("client-overload", 1, (_, n) => n + 1);
                histogram.RecordValue(HighestMicros);
                Finish();
                continue;
            }

            Interlocked.Increment(ref inFlight);
            _ = SendAsync(i, due);
        }

        // Stopped early: the phase is what was sent, and ends when those requests have.
        if (issued < total)
        {
            Interlocked.Exchange(ref total, issued);
            if (Interlocked.Read(ref completed) >= issued)
                allDone.TrySetResult();
        }

        await allDone.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var runnerCpu = (Environment.CpuUsage.TotalTime - cpuAtStart).TotalSeconds / seconds;
        double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000d;
        return new PhaseResult
        {
            Scenario = scenario, Target = target, Phase = phase, OfferedRate = rate, Seconds = seconds, Sent = total,
            Succeeded = succeeded, Errors = new Dictionary<string, long>(errors), Throughput = succeeded / seconds,
            P50Ms = Ms(50), P90Ms = Ms(90), P99Ms = Ms(99), P999Ms = Ms(99.9), MaxMs = histogram.GetMaxValue() / 1000d,
            RunnerCpuCores = runnerCpu,
        };
    }
}
