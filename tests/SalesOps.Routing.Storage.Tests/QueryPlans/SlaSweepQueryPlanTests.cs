using SalesOps.Routing.Host.Sla.Sqlite;

namespace SalesOps.Routing.Storage.Tests.QueryPlans;

/// <summary>
/// The sweep runs several times a second against a table of every open timer. If its queries stop
/// searching the due-time indexes, each sweep reads and sorts all open timers, and a table of a
/// million open clocks makes every breach late. SQLite's plan on a fresh database (the host never runs ANALYZE)
/// shows which index a query takes.
/// </summary>
public sealed class SlaSweepQueryPlanTests() : SqlitePlanTest(nameof(SlaSweepQueryPlanTests))
{
    public static TheoryData<string, string, string[]> SweepQueries { get; } = new()
    {
        { nameof(SqliteSlaSql.Statements.SelectDueBreaches), SqliteSlaSql.Statements.SelectDueBreaches, ["ix_sla_timers_due (due_at<?)"] },
        { nameof(SqliteSlaSql.Statements.SelectDueWarnings), SqliteSlaSql.Statements.SelectDueWarnings, ["ix_sla_timers_warn (warn_at<?)"] },
        // Each MIN is the first entry of its index: a search, where a scan would read every open timer.
        { nameof(SqliteSlaSql.Statements.SelectNextDue), SqliteSlaSql.Statements.SelectNextDue, ["ix_sla_timers_due", "ix_sla_timers_warn"] },
    };

    [Theory]
    [MemberData(nameof(SweepQueries))]
    public async Task SweepQuery_SearchesItsDueTimeIndex_WithoutScanningOrSortingTheOpenTimers(string name, string sql, string[] expectedSearches)
    {
        var plan = await PlanAsync(sql, new { Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), Take = 500 });

        foreach (var search in expectedSearches)
        {
            Assert.True(plan.Any(step => step.StartsWith($"SEARCH sla_timers USING INDEX {search}", StringComparison.Ordinal)
                || step.StartsWith($"SEARCH sla_timers USING COVERING INDEX {search}", StringComparison.Ordinal)),
                $"{name} does not search {search}: {string.Join(" | ", plan)}");
        }

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN sla_timers", StringComparison.Ordinal));
        // A full sort reads every open timer before LIMIT applies; sorting ties on the due instant by id does not.
        Assert.DoesNotContain(plan, step => step == "USE TEMP B-TREE FOR ORDER BY");
        Assert.False(plan.Count == 0, $"{name} has no query plan");
    }
}
