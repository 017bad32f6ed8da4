namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>The ratio lines a ramp prints: routing's max against each baseline's, and when a baseline's max was not found.</summary>
public sealed class ReportTests
{
    private const double P99Limit = 100;

    [Fact]
    public void RatioLines_BaselineFailedAStep_GiveTheRatioOfTheBestCleanSteps()
    {
        PhaseResult[] results =
        [
            Step("noop", 20_000, p99Ms: 5), Step("noop", 25_000, p99Ms: 150),
            Step("routing", 5_000, p99Ms: 10), Step("routing", 6_000, p99Ms: 400),
        ];

        Assert.Equal(["routing / noop: 25.0 %"], Report.RatioLines(results, P99Limit));
    }

    [Fact]
    public void RatioLines_BaselinePassedEveryStep_SayTheRatioIsAnUpperBound()
    {
        PhaseResult[] results =
        [
            Step("noop", 20_000, p99Ms: 5), Step("noop", 25_000, p99Ms: 8),
            Step("routing", 5_000, p99Ms: 10), Step("routing", 6_000, p99Ms: 400),
        ];

        var line = Assert.Single(Report.RatioLines(results, P99Limit));

        Assert.StartsWith("routing / noop: at most 20.0 % (noop passed every step", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RatioLines_RoutingPassedEveryStep_SayTheRatioIsALowerBound()
    {
        PhaseResult[] results =
        [
            Step("noop", 20_000, p99Ms: 5), Step("noop", 25_000, p99Ms: 150),
            Step("routing", 5_000, p99Ms: 10), Step("routing", 6_000, p99Ms: 12),
        ];

        var line = Assert.Single(Report.RatioLines(results, P99Limit));

        Assert.StartsWith("routing / noop: at least 30.0 % (routing passed every step", line, StringComparison.Ordinal);
    }

    [Fact]
    public void RatioLines_NeitherFailedAStep_SayTheRatioBoundsNothing()
    {
        PhaseResult[] results = [Step("noop", 20_000, p99Ms: 5), Step("routing", 5_000, p99Ms: 10)];

        var line = Assert.Single(Report.RatioLines(results, P99Limit));

        Assert.StartsWith("routing / noop: 25.0 %, which bounds nothing", line, StringComparison.Ordinal);
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

    private static PhaseResult Step(string target, double rate, double p99Ms) => new()
    {
        Scenario = "ramp", Target = target, Phase = $"ramp {rate}/s", OfferedRate = rate, Seconds = 5, Sent = (long)(rate * 5),
        Succeeded = (long)(rate * 5), Errors = [], Throughput = rate, P50Ms = 1, P90Ms = 2, P99Ms = p99Ms, P999Ms = p99Ms, MaxMs = p99Ms,
    };
}
