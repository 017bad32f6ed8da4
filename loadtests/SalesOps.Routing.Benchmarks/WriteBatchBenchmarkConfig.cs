using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// One batch per iteration, each prepared fresh outside the measurement (a committed batch cannot be
/// committed twice), in the runner's own process for the reason given on <see cref="SlaSweepBenchmarkConfig"/>.
/// Enough iterations that the fsync's spread shows in the commit's percentiles. The warm-up is long
/// because the host's writer runs warm: after 30 batches the runtime still runs most of this path
/// as first-tier code, which measured a batch of one at about 0.95 ms against about 0.2 ms warm.
/// Nor is a full collection forced before each batch, as BenchmarkDotNet does by default: with one
/// batch an iteration that starts every measured batch on cold caches, which the host's writer,
/// collecting rarely, does not meet.
/// </summary>
public sealed class WriteBatchBenchmarkConfig : ManualConfig
{
    public WriteBatchBenchmarkConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(5000).WithIterationCount(200).WithGcForce(false)
            .WithToolchain(InProcessEmitToolchain.Instance));
}
