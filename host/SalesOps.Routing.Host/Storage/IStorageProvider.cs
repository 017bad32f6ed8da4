namespace SalesOps.Routing.Host.Storage;

/// <summary>One database engine: how to reach it, the SQL it speaks, and how it is prepared at start.</summary>
internal interface IStorageProvider
{
    string Name { get; }

    /// <summary>Where the data lives, for logs; never contains credentials.</summary>
    string Location { get; }

    IConnectionFactory Connections { get; }

    LeadStatements LeadStatements { get; }

    OpsStatements OpsStatements { get; }

    /// <summary>How a store transaction is rerun after a transient fault of this engine.</summary>
    StoreRetry Retry { get; }

    /// <summary>Makes sure the database is reachable and its schema current, as <paramref name="mode"/> says.</summary>
    Task InitializeAsync(MigrationMode mode, CancellationToken cancellationToken);
}
