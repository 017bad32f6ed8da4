namespace SalesOps.Routing.Host.Storage;

/// <summary>The parts of one group commit, in the order the writer goes through them.</summary>
internal enum WriteStage
{
    /// <summary>
    /// Opening the connection and beginning the transaction, with the log started over when that is due. Beginning
    /// takes the database's write lock, so a lock held elsewhere (a backup, another process) shows here.
    /// </summary>
    Connect,

    /// <summary>Reading the rotation and the reps' state, and writing back what the batch moved.</summary>
    RoutingState,

    /// <summary>The status changes and touches queued with the batch.</summary>
    Changes,

    /// <summary>Looking up the batch's leads: keys already stored, accounts, open leads with the same e-mail.</summary>
    Lookups,

    /// <summary>Choosing a rep for each lead with the assignment rules.</summary>
    Decide,

    /// <summary>Inserting the leads, decisions, assignments, SLA clocks and events.</summary>
    Rows,

    /// <summary>Committing: the batch's pages written to the log, and its sync unless the log is synced apart.</summary>
    Commit,
}
