using NRules.RuleModel;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact inferred by an eligibility rule: this rep cannot take the lead, and why.</summary>
/// <param name="RepId">The rep.</param>
/// <param name="Rule">The eligibility rule that said so.</param>
/// <param name="Reason">Why, in words for the trace.</param>
public sealed record Ineligible(string RepId, string Rule, string Reason) : IIdentityProvider
{
    // One objection per rep and rule: when a rep's values change and the rule still objects, the
    // session updates this fact with the new reason instead of looking for one with the old reason.
    object IIdentityProvider.GetIdentity() => (RepId, Rule);
}
