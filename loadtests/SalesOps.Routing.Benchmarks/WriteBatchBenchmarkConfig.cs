using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// One batch per iteration, each prepared fresh outside the measurement (a committed batch cannot be
/// committed twice), in the runner's own process for the reason given on <see cref="SlaSweepBenchmarkConfig"/>.
/// Enough iterations that the fsync's spread shows in the commit's percentiles.
/// </summary>
public sealed class WriteBatchBenchmarkConfig : ManualConfig
{
    public WriteBatchBenchmarkConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(30).WithIterationCount(200)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
