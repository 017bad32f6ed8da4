namespace SalesOps.Routing.Host.Observability;

/// <summary>The queries behind the metrics that are read from the database at scrape time, supplied per dialect.</summary>
internal sealed record MetricsStatements
{
    public required string CountOpenTimers { get; init; }
}
