namespace SalesOps.Routing.Host.Storage;

/// <summary>Statements for what ops do while leads flow: rep changes, accounts, lead status, reassignment.</summary>
internal sealed record OpsStatements
{
    public required string SelectOpenLeadsOfRep { get; init; }
    public required string SelectLeadForUpdate { get; init; }
    public required string UpdateLeadOwner { get; init; }
    public required string EndOpenAssignments { get; init; }
    public required string UpdateLeadStatus { get; init; }
    public required string UpsertAccount { get; init; }
    public required string SelectAccounts { get; init; }
    public required string SelectAssignmentsOfLead { get; init; }
}
