namespace SalesOps.Routing.Engine.Rules;

/// <summary>A qualification rule: a disqualifier, or a condition (such as the MQL threshold) that qualifies.</summary>
/// <param name="Rule">The compiled condition.</param>
/// <param name="Effect">Qualify or disqualify.</param>
/// <param name="Reason">Short reason shown in the trace, e.g. "free-mail".</param>
public sealed record QualificationRule(CompiledRule Rule, QualificationEffect Effect, string Reason);
