using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Leads;
using static SalesOps.Routing.Engine.Tests.Assignment.AssignmentHarness;

namespace SalesOps.Routing.Engine.Tests.Assignment;

public sealed class OwnershipTests
{
    private static readonly AccountMatch Umbrella = new("Umbrella Corporation", "dach-2", "domain");

    [Fact]
    public void AccountMatch_GoesToTheAccountOwner()
    {
        var decision = Assign(Dach(), EmptyState(), EuropeanMorning, accounts: [Umbrella]);

        Assert.Equal("dach-2", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "AccountOwnerRule" && t.Effect.Contains("Umbrella", StringComparison.Ordinal));
    }

    [Fact]
    public void AccountOwnerInAnotherTeam_GetsTheLeadAndItsTeam()
    {
        var decision = Assign(Dach(), EmptyState(), EuropeanMorning, accounts: [new AccountMatch("Stark Industries", "global-1", "company")]);

        Assert.Equal("global-1", decision.RepId);
        Assert.Equal("Global-Inbound", decision.TeamId);
    }

    [Fact]
    public void AccountOwnerInactive_LeadGoesToNormalDistributionAndTraceSaysWhy()
    {
        var state = EmptyState();
        state.Rep("dach-2").Active = false;

        var decision = Assign(Dach(), state, EuropeanMorning, accounts: [Umbrella]);

        Assert.Equal("dach-1", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "AccountOwnerUnavailableRule");
        Assert.Contains(decision.Trace, t => t.Rule == "round-robin");
    }

    [Fact]
    public void AccountMatch_DoesNotMoveTheRotation()
    {
        var state = EmptyState();

        Assign(Dach(), state, EuropeanMorning, accounts: [Umbrella]);
        var next = Assign(Dach(), state, EuropeanMorning);

        Assert.Equal("dach-1", next.RepId);
    }

    [Fact]
    public void DuplicateOfOpenLead_StaysWithItsOwner_EvenOverAnAccountMatch()
    {
        var open = new OpenLeadMatch("lead-7", "dach-3", EuropeanMorning.AddDays(-3));

        var decision = Assign(Dach(), EmptyState(), EuropeanMorning, accounts: [Umbrella], openLead: open);

        Assert.Equal("dach-3", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Stage == "assign" && t.Rule == "DuplicateLeadRule" && t.Effect.Contains("lead-7", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateWhoseOwnerIsAway_IsDistributedNormally()
    {
        var state = EmptyState();
        state.Rep("dach-3").OutOfOfficeFrom = EuropeanMorning.AddDays(-1);

        var decision = Assign(Dach(), state, EuropeanMorning, openLead: new OpenLeadMatch("lead-7", "dach-3", EuropeanMorning.AddDays(-3)));

        Assert.Equal("dach-1", decision.RepId);
        Assert.Contains(decision.Trace, t => t.Rule == "DuplicateOwnerUnavailableRule");
    }

    [Fact]
    public void Reassignment_NeverGivesTheLeadBackToTheRepItLeaves()
    {
        var decision = Assign(Dach(), EmptyState(), EuropeanMorning, accounts: [Umbrella], excludedRepId: "dach-2");

        Assert.NotEqual("dach-2", decision.RepId);
        Assert.NotNull(decision.RepId);
    }

    [Theory]
    [InlineData("Acme Inc.", "acme")]
    [InlineData("ACME, Incorporated", "acme")]
    [InlineData("acme", "acme")]
    [InlineData("Müller GmbH & Co. KG", "müller")]
    [InlineData("The Boring Company", "boring")]
    [InlineData("  ", "")]
    [InlineData("Acme  Robotics, GmbH", "acme robotics")]
    [InlineData("Inc. Ltd.", "")]
    [InlineData("ＡＣＭＥ Ｉｎｃ", "acme")]
    [InlineData("Acme-Robotics.io", "acme robotics io")]
    public void CompanyKey_IgnoresCaseLegalFormsAndPunctuation(string name, string expected) =>
        Assert.Equal(expected, CompanyNames.Key(name));

    [Fact]
    public void CompanyKey_OfAVeryLongName_KeepsEveryWord()
    {
        var words = Enumerable.Range(1, 60).Select(i => $"Word{i}").ToList();

        Assert.Equal(string.Join(' ', words).ToLowerInvariant(), CompanyNames.Key(string.Join(", ", words) + " GmbH"));
    }
}
