namespace SalesOps.Routing.LoadTests;

/// <summary>What one phase of load against one target measured.</summary>
internal sealed record PhaseResult
{
    public required string Scenario { get; init; }
    public required string Target { get; init; }
    public required string Phase { get; init; }
    public required double OfferedRate { get; init; }
    public required double Seconds { get; init; }
    public required long Sent { get; init; }
    public required long Succeeded { get; init; }
    public required Dictionary<string, long> Errors { get; init; }
    public required double Throughput { get; init; }
    public required double P50Ms { get; init; }
    public required double P90Ms { get; init; }
    public required double P99Ms { get; init; }
    public required double P999Ms { get; init; }
    public required double MaxMs { get; init; }
    public double HostCpuCores { get; init; }

    /// <summary>
    /// How long the host's threads waited, runnable, for a CPU over the phase, in cores (0.5 = on
    /// average half a thread waiting): latency the host's own work does not explain (<see cref="RunQueueWait"/>).
    /// </summary>
    public double HostRunQueueCores { get; init; }

    public double HostPeakRssMb { get; init; }

    /// <summary>
    /// Requests a second the host answered over this phase's window: all the phases that ran at once
    /// together (mixed, whose posts carry the host's CPU for the three), else null for the phase's own.
    /// </summary>
    public double? HostThroughput { get; init; }

    /// <summary>
    /// The host's CPU for each request it answered with a 2xx, in µs: what a request costs the host,
    /// the figure to compare the targets by, since the runner takes the rest of the machine. Zero when
    /// the runner did not start the host.
    /// </summary>
    public double HostCpuMicrosPerRequest => (HostThroughput ?? Throughput) is > 0 and var answered ? HostCpuCores / answered * 1_000_000 : 0;

    /// <summary>
    /// The load runner's own CPU over the phase, in cores: on a shared machine this is CPU the host did not get.
    /// Process-wide, so phases that run at the same time (mixed) each report the runner's total.
    /// </summary>
    public double RunnerCpuCores { get; init; }

    public double RunnerCpuMicrosPerRequest => Sent > 0 ? RunnerCpuCores * Seconds / Sent * 1_000_000 : 0;

    /// <summary>
    /// The routing writer's time for each lead or change it committed over the phase, in µs by stage
    /// (<see cref="WriterStages"/>); null for the baselines, which have their own writers, or when the host did not publish it.
    /// </summary>
    public Dictionary<string, double>? WriterMicrosPerItem { get; init; }

    public long ErrorCount => Errors.Values.Sum();

    /// <summary>This result with the host's side of the phase, as <see cref="HostProcess.Usage"/> read it.</summary>
    public PhaseResult WithHost(HostUsage usage) =>
        this with { HostCpuCores = usage.Cores, HostRunQueueCores = usage.RunQueueCores, HostPeakRssMb = usage.PeakRssMb };
}
