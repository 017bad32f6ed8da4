namespace SalesOps.Routing.Storage.Tests.Contract;

/// <summary>A database of one provider for one contract test, removed when the test ends.</summary>
public abstract class ContractDatabase : IAsyncDisposable
{
    /// <summary>Why the provider cannot be tested here; null when it can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>The configuration a host needs to use this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    public abstract ValueTask DisposeAsync();
}
