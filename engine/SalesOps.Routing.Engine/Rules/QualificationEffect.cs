namespace SalesOps.Routing.Engine.Rules;

/// <summary>What a matching qualification rule does.</summary>
public enum QualificationEffect
{
    /// <summary>The lead is a marketing-qualified lead unless a disqualifier also matches.</summary>
    Qualify,

    /// <summary>The lead is disqualified whatever its score.</summary>
    Disqualify,
}
