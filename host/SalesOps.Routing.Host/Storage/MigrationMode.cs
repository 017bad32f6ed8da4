namespace SalesOps.Routing.Host.Storage;

/// <summary>What the service does with schema migrations when it starts (<c>Storage:Migrations</c>).</summary>
internal enum MigrationMode
{
    /// <summary>Apply what the database lacks, then serve. The account needs to be allowed to change the schema.</summary>
    Apply,

    /// <summary>Apply what the database lacks, then stop: a one-off job run with an owner's account before a release.</summary>
    ApplyAndExit,

    /// <summary>Change nothing; refuse to start when a migration is missing. For an account that may only read and write data.</summary>
    Verify,
}
