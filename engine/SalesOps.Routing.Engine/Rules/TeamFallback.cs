namespace SalesOps.Routing.Engine.Rules;

/// <summary>A team's fallback owner: a named rep, or an unassigned queue. A lead is never dropped.</summary>
/// <param name="RepId">The rep who takes leads nobody else can, if any.</param>
/// <param name="Queue">The queue unassigned leads wait in when there is no fallback rep.</param>
public sealed record TeamFallback(string? RepId, string Queue)
{
    /// <summary>The team's unassigned queue.</summary>
    public static TeamFallback DefaultQueue { get; } = new(null, "unassigned");
}
