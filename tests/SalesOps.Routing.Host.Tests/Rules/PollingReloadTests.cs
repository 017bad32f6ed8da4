using SalesOps.Routing.Host.Tests.Infrastructure;

namespace SalesOps.Routing.Host.Tests.Rules;

/// <summary>Where the file system delivers no change events, the content poll alone still reloads.</summary>
public sealed class PollingReloadTests
{
    [Fact]
    public async Task EditSavedWithoutFileEvents_ThePollStillPicksItUp()
    {
        using var rules = new TempRuleFolder();
        await using var host = new RoutingHost(TestDatabase.NewSqliteFile(nameof(PollingReloadTests)), rules.Path,
            settings: new Dictionary<string, string?> { ["Rules:FileEvents"] = "false" });
        var client = host.Start();
        var live = (await client.GetStatusAsync()).ActiveVersion;

        rules.Edit("qualification.json", s => s.Replace("lead.Score >= 40", "lead.Score >= 100", StringComparison.Ordinal));
        await client.WaitForStatusAsync(s => s.ActiveVersion != live, "the poll to pick up the edited qualification.json");
        var decision = await client.PostLeadForDecisionAsync(LeadPayloads.QualifiedDach());

        Assert.False(decision.Qualified);
        Assert.Equal("unassigned", decision.Status);
    }
}
