namespace SalesOps.Routing.LoadTests;

/// <summary>
/// What a run measured about SLA clocks. Recorded lag is <c>breached_at − due_at</c> as the host
/// stored it; visible lag is when a reader of the outbox first saw the breach, which also counts the
/// sweep batch's commit. The storm fields are set only by <c>sla-storm</c>.
/// </summary>
internal sealed record SlaResult
{
    public required string Rules { get; init; }
    public required LagStats BreachLagRecorded { get; init; }
    public required LagStats BreachLagVisible { get; init; }
    public required LagStats WarningLagRecorded { get; init; }
    public required SlaVerification Verification { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int? StormTimers { get; init; }
    public int? StormTemplates { get; init; }
    public double? SeedSeconds { get; init; }
    public DateTimeOffset? StormDueAt { get; init; }
    public double? HostReadySecondsBeforeDue { get; init; }

    /// <summary>From the storm's due second to the last seeded breach, by <c>breached_at</c>.</summary>
    public double? AllBreachedRecordedSeconds { get; init; }

    /// <summary>From the storm's due second until the outbox showed every seeded breach.</summary>
    public double? AllBreachedVisibleSeconds { get; init; }

    /// <summary>Seeded breaches per second of <see cref="AllBreachedVisibleSeconds"/>.</summary>
    public double? SweepTimersPerSecond { get; init; }
    public double? StormHostCpuCores { get; init; }
    public double? StormHostPeakRssMb { get; init; }
}
