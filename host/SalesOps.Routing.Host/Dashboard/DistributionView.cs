namespace SalesOps.Routing.Host.Dashboard;

/// <summary>A team's leads per rep today against each rep's target share, so unfairness shows.</summary>
internal sealed record DistributionView(string Team, string Distribution, int Total, IReadOnlyList<RepShareView> Reps);

/// <summary>One rep's leads today, actual share and target share (both 0–1).</summary>
internal sealed record RepShareView(string RepId, string Name, bool Active, int Leads, double Share, double TargetShare);
