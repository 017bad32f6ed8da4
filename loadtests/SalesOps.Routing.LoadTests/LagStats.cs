namespace SalesOps.Routing.LoadTests;

/// <summary>Percentiles of how late something happened after it was due, in milliseconds (nearest rank, exact).</summary>
internal sealed record LagStats(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    public static LagStats None { get; } = new(0, 0, 0, 0, 0);

    public static LagStats From(IEnumerable<double> lagsMs)
    {
        var sorted = lagsMs.Order().ToArray();
        if (sorted.Length == 0)
            return None;
        double At(double percentile) => sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LagStats(sorted.Length, At(50), At(90), At(99), sorted[^1]);
    }

    public override string ToString() => FormattableString.Invariant(
        $"{Count} timers: p50 {P50Ms:F0} ms, p90 {P90Ms:F0} ms, p99 {P99Ms:F0} ms, max {MaxMs:F0} ms");
}
