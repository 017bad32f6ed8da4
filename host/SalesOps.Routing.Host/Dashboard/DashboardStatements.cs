namespace SalesOps.Routing.Host.Dashboard;

/// <summary>The dashboard's read queries, supplied per dialect.</summary>
internal sealed record DashboardStatements
{
    public required string AssignmentsByRepBetween { get; init; }
    public required string ReceivedBetween { get; init; }
    public required string SelectBreached { get; init; }
    public required string SelectAtRisk { get; init; }
}
