namespace SalesOps.Routing.Engine.Decisions;

/// <summary>The names of the pipeline stages as they appear in a trace.</summary>
public static class TraceStages
{
    /// <summary>Input clean-up.</summary>
    public const string Normalize = "normalize";
    /// <summary>Scoring rules.</summary>
    public const string Score = "score";
    /// <summary>Qualification rules.</summary>
    public const string Qualify = "qualify";
    /// <summary>Territory and segment routing.</summary>
    public const string Route = "route";
    /// <summary>Rep assignment.</summary>
    public const string Assign = "assign";
}
