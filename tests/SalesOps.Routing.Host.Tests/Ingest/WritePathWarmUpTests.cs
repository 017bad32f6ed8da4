using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Ingest;

public sealed class WritePathWarmUpTests
{
    private static readonly string[] WrittenTables = ["leads", "decisions", "assignments", "sla_timers", "outbox_events", "rotation"];

    [Fact]
    public async Task WarmUp_RunsItsBatchesBeforeTheHostListens_AndLeavesNoRowAndNoRotationBehind()
    {
        var log = new CapturedLog();
        await using var warmed = Host(batches: 6, log);
        await using var cold = Host(batches: 0, null);
        var warmedClient = warmed.Start();
        var coldClient = cold.Start();

        var line = Assert.Single(log.Events, e => e.MessageTemplate.Text.StartsWith("Write path warmed up", StringComparison.Ordinal));
        Assert.Equal("6", line.Properties["Batches"].ToString());
        foreach (var table in WrittenTables)
            Assert.Equal(0, await warmed.QueryScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(await RepStateAsync(cold), await RepStateAsync(warmed));

        // The sample leads were routed to the DACH team inside the rolled-back batches; a rotation
        // they had moved would hand the next real leads to other reps than on a host without them.
        var afterWarmUp = new List<string?>();
        var withoutWarmUp = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            afterWarmUp.Add((await warmedClient.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach())).RepId);
            withoutWarmUp.Add((await coldClient.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach())).RepId);
        }

        Assert.All(afterWarmUp, Assert.NotNull);
        Assert.Equal(withoutWarmUp, afterWarmUp);
        Assert.Equal(4, await warmed.QueryScalarAsync<long>("SELECT COUNT(*) FROM leads"));
    }

    private static RoutingHost Host(int batches, CapturedLog? log) =>
        new(TestDatabase.NewSqliteFile(nameof(WritePathWarmUpTests)), settings: new Dictionary<string, string?>
        {
            ["Ingest:WarmUpBatches"] = batches.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Information",
        }, logSink: log);

    private static async Task<string> RepStateAsync(RoutingHost host) =>
        string.Join("\n", await host.QueryAsync<string>(
            "SELECT rep_id || ' ' || open_leads || ' ' || assigned_today || ' ' || COALESCE(credit, '') FROM rep_state ORDER BY rep_id"));
}
