namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>
/// Tests that load the machine (thousands of requests, host processes started and killed) run one
/// at a time, so they neither slow each other past their bounds nor starve the rest of the suite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
