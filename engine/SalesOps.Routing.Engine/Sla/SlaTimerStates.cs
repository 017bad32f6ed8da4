namespace SalesOps.Routing.Engine.Sla;

/// <summary>The states of an SLA timer, as stored and as the API shows them.</summary>
public static class SlaTimerStates
{
    /// <summary>Counting, before the warning threshold.</summary>
    public const string Running = "running";
    /// <summary>Counting, past the warning threshold: the lead is at risk.</summary>
    public const string Warning = "warning";
    /// <summary>Not counting (e.g. waiting on the prospect); the deadline moves on resume.</summary>
    public const string Paused = "paused";
    /// <summary>Past its deadline and not yet touched.</summary>
    public const string Breached = "breached";
    /// <summary>Stopped by a touch in time.</summary>
    public const string Met = "met";
    /// <summary>Stopped by a touch after its deadline.</summary>
    public const string Late = "late";
    /// <summary>Ended because the lead went to another rep; the new owner's clock is a new cycle.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>States in which a timer still waits for a touch.</summary>
    public static IReadOnlyList<string> Open { get; } = [Running, Warning, Paused, Breached];

    /// <summary>States in which business time is counting towards the deadline.</summary>
    public static IReadOnlyList<string> Counting { get; } = [Running, Warning];
}
