namespace SalesOps.Routing.Engine.Decisions;

/// <summary>One step of a decision's explanation: which rule of which stage did what.</summary>
/// <param name="Stage">Pipeline stage, one of <see cref="TraceStages"/>.</param>
/// <param name="Rule">The rule (or built-in step) that acted.</param>
/// <param name="Effect">What it did, in words an ops person reads.</param>
public sealed record TraceEntry(string Stage, string Rule, string Effect)
{
    /// <summary>Starts the effect of an entry that records a rule failing at run time.</summary>
    public const string ErrorPrefix = "rule failed, treated as not matched: ";

    /// <summary>True when the entry records a rule that threw for this lead.</summary>
    public bool IsError => Effect.StartsWith(ErrorPrefix, StringComparison.Ordinal);
}
