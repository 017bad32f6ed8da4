namespace SalesOps.Routing.LoadTests;

/// <summary>An endpoint load is driven against: the real path or one of the baselines on the same host.</summary>
internal sealed record Target(string Name, string Path, bool ReturnsLeadId)
{
    public static readonly Target Routing = new("routing", "/api/leads", true);
    public static readonly Target Noop = new("noop", "/baseline/noop", false);
    public static readonly Target Naive = new("naive", "/baseline/naive", false);
    public static readonly Target GroupCommit = new("group-commit", "/baseline/group-commit", true);

    public static IReadOnlyList<Target> All { get; } = [Noop, Naive, GroupCommit, Routing];

    public static Target Parse(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"unknown target '{name}'; use {string.Join(", ", All.Select(t => t.Name))}");
}
