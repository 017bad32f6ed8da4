using System.CommandLine;

namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>The load runner's command line, parsed as the runner parses it but without starting a run.</summary>
public sealed class RunnerCommandTests
{
    [Fact]
    public void Parse_HttpUrl_GivesItAsTheUrl()
    {
        var parse = Parse("steady --url http://127.0.0.1:5399");

        Assert.Empty(parse.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:5399"), RunnerCommand.Settings(parse).Url);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("ftp://x/")]
    public void Parse_UrlNotAnAbsoluteHttpAddress_IsAnErrorNamingUrl(string url)
    {
        var parse = Parse($"steady --url {url}");

        var error = Assert.Single(parse.Errors);
        Assert.Contains("--url", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ramp-step-factor 1.0", "--ramp-step-factor")]
    [InlineData("--ramp-refine-factor 1.0", "--ramp-refine-factor")]
    [InlineData("--timers 0", "--timers")]
    [InlineData("--connections 0", "--connections")]
    public void Parse_ValueOutOfRange_IsAnErrorNamingTheOption(string options, string option)
    {
        var parse = Parse($"ramp {options}");

        var error = Assert.Single(parse.Errors);
        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_NoOptions_TakeTheDefaults()
    {
        var settings = Settings("steady");

        Assert.Equal("steady", settings.Scenario);
        Assert.Equal(500, settings.Rate);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.Duration);
        Assert.Equal(Target.All, settings.Targets);
        Assert.Null(settings.Url);
        Assert.Equal(Environment.GetEnvironmentVariable("ROUTING_API_KEY") ?? "dev-local-key", settings.ApiKey);
        Assert.Equal(2_000_000, settings.MaxRequests);
        Assert.Equal(4096, settings.MaxInFlight);
        Assert.Equal(256, settings.Connections);
        Assert.Equal("loadtests/results", settings.OutputFolder);
        Assert.Equal(100, settings.P99LimitMs);
        Assert.Equal(1.25, settings.RampStepFactor);
        Assert.Equal(1.05, settings.RampRefineFactor);
        Assert.Equal(100_000, settings.Timers);
        Assert.False(settings.ShortSla);
        Assert.Empty(settings.HostSettings);
    }

    [Fact]
    public void Settings_Connections_AreTheGivenNumber_ApartFromTheInFlightBound()
    {
        var settings = Settings("ramp --connections 64 --max-in-flight 1000");

        Assert.Equal(64, settings.Connections);
        Assert.Equal(1000, settings.MaxInFlight);
    }

    [Fact]
    public void Settings_Smoke_ForcesRateDurationAndTargetsWhateverTheOptions()
    {
        var settings = Settings("smoke --rate 5 --duration 00:01:00 --targets naive group-commit");

        Assert.Equal(200, settings.Rate);
        Assert.Equal(TimeSpan.FromSeconds(8), settings.Duration);
        Assert.Equal([Target.Noop, Target.Routing], settings.Targets);
    }

    [Theory]
    [InlineData("sla-storm", 100)]
    [InlineData("sla-storm --rate 0", 0)]
    [InlineData("sla-storm --rate 250", 250)]
    public void Settings_SlaStorm_PostsAHundredLeadsASecondUnlessRateIsGiven(string commandLine, double expected)
    {
        Assert.Equal(expected, Settings(commandLine).Rate);
    }

    [Fact]
    public void Settings_RepeatedHostSetting_KeepsEachInOrder()
    {
        var settings = Settings("steady --host-setting A=1 --host-setting B=2");

        Assert.Equal(["A=1", "B=2"], settings.HostSettings);
    }

    private static ParseResult Parse(string commandLine) => RunnerCommand.Build().Parse(commandLine);

    private static RunSettings Settings(string commandLine)
    {
        var parse = Parse(commandLine);
        Assert.Empty(parse.Errors);
        return RunnerCommand.Settings(parse);
    }
}
