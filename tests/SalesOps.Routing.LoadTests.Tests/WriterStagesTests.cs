namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>The routing writer's time a lead by stage, read from two scrapes of the host's metrics around a phase.</summary>
public sealed class WriterStagesTests
{
    private const string Before = """
        # HELP salesops_routing_group_commit_items Leads and changes committed by one transaction of the writer.
        # TYPE salesops_routing_group_commit_items histogram
        salesops_routing_group_commit_items_sum 100
        salesops_routing_group_commit_items_count 10
        salesops_routing_group_commit_items_bucket{le="1"} 2
        # TYPE salesops_routing_group_commit_stage_seconds_total counter
        salesops_routing_group_commit_stage_seconds_total{stage="connect"} 0.001
        salesops_routing_group_commit_stage_seconds_total{stage="decide"} 0.002
        salesops_routing_group_commit_stage_seconds_total{stage="commit"} 3E-03
        salesops_routing_leads_received_total 100
        """;

    private const string After = """
        salesops_routing_group_commit_items_sum 1100
        salesops_routing_group_commit_items_count 60
        salesops_routing_group_commit_stage_seconds_total{stage="connect"} 0.006
        salesops_routing_group_commit_stage_seconds_total{stage="decide"} 0.0215
        salesops_routing_group_commit_stage_seconds_total{stage="commit"} 0.033
        """;

    [Fact]
    public void MicrosPerItem_IsEachStagesGrowthOverTheItemsCommittedBetween()
    {
        var before = WriterStages.Parse(Before)!;
        var after = WriterStages.Parse(After)!;

        // 1,000 items between: connect 5 ms, decide 19.5 ms, commit 30 ms.
        Assert.Equal(new Dictionary<string, double> { ["connect"] = 5, ["decide"] = 19.5, ["commit"] = 30 }, after.MicrosPerItemSince(before));
        Assert.Equal(["connect", "decide", "commit"], after.StageSeconds.Keys);
    }

    [Fact]
    public void Parse_WithoutTheWritersCounters_IsNull_AndNothingCommitted_HasNoRate()
    {
        Assert.Null(WriterStages.Parse("salesops_routing_leads_received_total 100\n"));
        var before = WriterStages.Parse(Before)!;
        Assert.Null(before.MicrosPerItemSince(before));
    }

    [Fact]
    public void Line_AddsTheWritersTotalAndStages_OnlyWhenThePhaseHasThem()
    {
        var phase = new PhaseResult
        {
            Scenario = "steady", Target = "routing", Phase = "steady", OfferedRate = 100, Seconds = 1, Sent = 100, Succeeded = 100, Errors = [],
            Throughput = 100, P50Ms = 1, P90Ms = 2, P99Ms = 3, P999Ms = 4, MaxMs = 5,
        };

        Assert.DoesNotContain("writer", Report.Line(phase));
        Assert.EndsWith("  writer 55 µs/item (connect 5.0, decide 19.6, commit 30.0)",
            Report.Line(phase with { WriterMicrosPerItem = new() { ["connect"] = 5, ["decide"] = 19.6, ["commit"] = 30 } }));
    }
}
