namespace SalesOps.Routing.Host.Sla;

/// <summary>Percentiles of a sorted sample, as reports of speed to lead state them.</summary>
internal static class Percentiles
{
    /// <summary>The middle value, or the mean of the two middle values; null for no values.</summary>
    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0
        ? null
        : Math.Round((sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2, 2);

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="share"/> of the sample at or below it.</summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double share) => sorted.Count == 0
        ? null
        : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)], 2);
}
