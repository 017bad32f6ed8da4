using System.Globalization;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The routing writer's counters as the host publishes them at <c>/metrics</c>: the items it committed
/// and its time by stage. Two readings around a phase give the writer's time a lead in each stage,
/// which says whether the database or the routing holds the single writer up at that rate.
/// </summary>
internal sealed record WriterStages(double Items, IReadOnlyDictionary<string, double> StageSeconds)
{
    private const string ItemsSum = "salesops_routing_group_commit_items_sum";
    private const string StagePrefix = "salesops_routing_group_commit_stage_seconds_total{stage=\"";

    /// <summary>Reads the counters from Prometheus text; null when the writer's counters are not there.</summary>
    public static WriterStages? Parse(string exposition)
    {
        double? items = null;
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(ItemsSum + " ", StringComparison.Ordinal))
                items = Value(line);
            else if (line.StartsWith(StagePrefix, StringComparison.Ordinal))
                stages[line[StagePrefix.Length..line.IndexOf('"', StagePrefix.Length)]] = Value(line);
        }

        return items is { } count && stages.Count > 0 ? new WriterStages(count, stages) : null;
    }

    /// <summary>
    /// Reads the host's counters; null when it does not answer them (an older host, or a key
    /// without the viewer role on <c>--url</c>), so the phase is reported without them.
    /// </summary>
    public static async Task<WriterStages?> ReadAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("/metrics", cancellationToken);
            return response.IsSuccessStatusCode ? Parse(await response.Content.ReadAsStringAsync(cancellationToken)) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A host too busy to answer a scrape still ran the phase: report it without the split.
            return null;
        }
    }

    /// <summary>The writer's µs a committed lead or change in each stage between <paramref name="before"/> and this reading; null when nothing was committed.</summary>
    public Dictionary<string, double>? MicrosPerItemSince(WriterStages before)
    {
        var items = Items - before.Items;
        if (items <= 0)
            return null;
        return StageSeconds.ToDictionary(s => s.Key, s => Math.Round((s.Value - before.StageSeconds.GetValueOrDefault(s.Key)) / items * 1_000_000, 1));
    }

    // A sample line is "name{labels} value"; the value is the last field.
    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
}
