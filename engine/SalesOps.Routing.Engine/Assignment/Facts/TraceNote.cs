namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: something a rule wants the decision trace to say, e.g. why an account owner was passed over.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Effect">What it says.</param>
public sealed record TraceNote(string Rule, string Effect);
