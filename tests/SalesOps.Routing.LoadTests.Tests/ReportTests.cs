namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>
/// The lines a ramp ends with: routing's max against each baseline's, when a ramp did not find a max,
/// and the host's CPU a request at each target's max.
/// </summary>
public sealed class ReportTests
{
    private const double P99Limit = 100;

    // Two steps each: noop at 20,000 and 25,000/s, routing at 5,000 and 6,000/s; the first step of each
    // passes, the second passes or fails by its p99. The best passing step of each gives the ratio.
    [Theory]
    [InlineData(150, 400, "routing / noop: 25.0 %")]
    [InlineData(8, 400, "routing / noop: at most 20.0 % (noop passed every step of its ramp, so its max is higher than measured)")]
    [InlineData(150, 12, "routing / noop: at least 30.0 % (routing passed every step of its ramp, so its max is higher than measured)")]
    [InlineData(8, 12, "routing / noop: 24.0 %, which bounds nothing (neither routing nor noop failed a step of its ramp)")]
    public void RatioLines_SayWhetherEachRampFoundItsMax(double noopSecondP99Ms, double routingSecondP99Ms, string expected)
    {
        PhaseResult[] results =
        [
            Step("noop", 20_000, p99Ms: 5), Step("noop", 25_000, noopSecondP99Ms),
            Step("routing", 5_000, p99Ms: 10), Step("routing", 6_000, routingSecondP99Ms),
        ];

        Assert.Equal([expected], Report.RatioLines(results, P99Limit));
    }

    [Fact]
    public void MaxNotFound_CountsOnlyRampsWithNoFailedStep()
    {
        PhaseResult[] results =
        [
            Step("noop", 20_000, p99Ms: 5), Step("group-commit", 9_000, p99Ms: 5), Step("group-commit", 10_000, p99Ms: 300),
            Step("routing", 5_000, p99Ms: 10) with { Scenario = "steady" },
        ];

        Assert.Equal(["noop"], Report.MaxNotFound(results, P99Limit));
    }

    [Fact]
    public void HostCostLine_GivesEachTargetsCpuAtItsBestSustainedStep()
    {
        PhaseResult[] results =
        [
            // noop: 0.5 cores at 20,000/s is 25 µs a request; its failed step (p99 over the limit) is not its max.
            Step("noop", 20_000, p99Ms: 5) with { HostCpuCores = 0.5 }, Step("noop", 25_000, p99Ms: 150) with { HostCpuCores = 0.6 },
            // routing: 1.2 cores at 6,000/s is 200 µs a request; the step with errors is not its max either.
            Step("routing", 5_000, p99Ms: 10) with { HostCpuCores = 1.1 }, Step("routing", 6_000, p99Ms: 20) with { HostCpuCores = 1.2 },
            Step("routing", 7_000, p99Ms: 20) with { HostCpuCores = 1.3, Errors = new() { ["503"] = 4 } },
            // A steady run at half the max is not a max, and a host the runner did not start has no CPU to show.
            Step("group-commit", 3_000, p99Ms: 5) with { Scenario = "steady", HostCpuCores = 0.9 }, Step("naive", 2_000, p99Ms: 5),
        ];

        Assert.Equal("host CPU a request at each max: noop 25 µs at 20000/s, routing 200 µs at 6000/s", Report.HostCostLine(results, P99Limit));
    }

    [Fact]
    public void HostCpuMicrosPerRequest_DividesByEverythingTheHostAnsweredMeanwhile()
    {
        var alone = Step("routing", 4_000, p99Ms: 10) with { HostCpuCores = 1.0 };
        // Mixed: the posts' window also held 800 touches and 200 reads a second.
        var mixed = alone with { HostThroughput = 5_000 };

        Assert.Equal(250, alone.HostCpuMicrosPerRequest, precision: 6);
        Assert.Equal(200, mixed.HostCpuMicrosPerRequest, precision: 6);
        Assert.Equal(0, Step("noop", 4_000, p99Ms: 1).HostCpuMicrosPerRequest);
    }

    [Fact]
    public void HostCostLine_IsNullWithoutTheHostsCpu() =>
        Assert.Null(Report.HostCostLine([Step("noop", 20_000, p99Ms: 5), Step("routing", 5_000, p99Ms: 10)], P99Limit));

    private static PhaseResult Step(string target, double rate, double p99Ms) => new()
    {
        Scenario = "ramp", Target = target, Phase = $"ramp {rate}/s", OfferedRate = rate, Seconds = 5, Sent = (long)(rate * 5),
        Succeeded = (long)(rate * 5), Errors = [], Throughput = rate, P50Ms = 1, P90Ms = 2, P99Ms = p99Ms, P999Ms = p99Ms, MaxMs = p99Ms,
    };
}
