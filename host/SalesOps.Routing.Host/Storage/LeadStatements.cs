namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// The statements <see cref="LeadStore"/> issues, supplied per dialect. Parameters are always named
/// and bound, never spliced into the text.
/// </summary>
internal sealed record LeadStatements
{
    public required string SelectRotationForUpdate { get; init; }
    public required string SelectRotation { get; init; }
    public required string UpsertRotation { get; init; }
    public required string FindIdsByKeys { get; init; }
    public required string InsertLead { get; init; }
    public required string InsertDecision { get; init; }
    public required string InsertAssignment { get; init; }
    public required string SelectRepStates { get; init; }
    public required string UpsertRepState { get; init; }
    public required string FindAccounts { get; init; }
    public required string FindOpenLeadsByEmails { get; init; }
    public required string SelectRecordById { get; init; }
    public required string SelectRecordByKey { get; init; }
    public required string Ping { get; init; }
}
