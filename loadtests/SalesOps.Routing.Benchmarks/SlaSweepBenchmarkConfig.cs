using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// The sweep benchmarks run in the runner's own process: each invocation is tens of milliseconds
/// of SQLite work, where a separate process adds nothing but a second build of the host (which on a
/// busy machine outlasts BenchmarkDotNet's build timeout). Each iteration is one invocation, because
/// every invocation is a whole sweep.
/// </summary>
public sealed class SlaSweepBenchmarkConfig : ManualConfig
{
    public SlaSweepBenchmarkConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
