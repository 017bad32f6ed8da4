namespace SalesOps.Routing.LoadTests;

/// <summary>Everything a run was asked to do, as given on the command line.</summary>
internal sealed record RunSettings
{
    public required string Scenario { get; init; }
    public required double Rate { get; init; }
    public required TimeSpan Duration { get; init; }
    public required IReadOnlyList<Target> Targets { get; init; }
    public required long MaxRequests { get; init; }
    public required int MaxInFlight { get; init; }

    /// <summary>
    /// Connections kept to the host. Fixed, as wrk2's are: were a connection opened for every request
    /// that finds the others busy, a pause of a few hundred milliseconds at a high rate would open
    /// thousands at once, and their setup would swamp both processes long after the pause.
    /// </summary>
    public required int Connections { get; init; }
    public required string OutputFolder { get; init; }
    public Uri? Url { get; init; }

    /// <summary>The key sent with --url (an ingest key); a host the runner starts gets a fresh key of its own.</summary>
    public string ApiKey { get; init; } = "dev-local-key";
    public int Seed { get; init; } = 42;
    public double RampStepFactor { get; init; } = 1.25;

    /// <summary>Ramp: after the first failed step, the finer factor that climbs again from the last clean rate (<see cref="RampPlan"/>).</summary>
    public double RampRefineFactor { get; init; } = 1.05;
    public TimeSpan RampStep { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Ramp: the top rate; above what two cores can serve, so a ramp ends by a failed step, not by running out of rates.</summary>
    public double RampMaxRate { get; init; } = 200_000;
    public double P99LimitMs { get; init; } = 100;

    /// <summary>sla-storm: how many first-touch clocks come due in the same second.</summary>
    public int Timers { get; init; } = 100_000;

    /// <summary>Run on a copy of the rules whose SLA clocks run out within the run, and report their lag (<see cref="ShortSlaRules"/>).</summary>
    public bool ShortSla { get; init; }

    /// <summary>Configuration given to a host the runner starts, as <c>Key=Value</c>.</summary>
    public IReadOnlyList<string> HostSettings { get; init; } = [];
}
