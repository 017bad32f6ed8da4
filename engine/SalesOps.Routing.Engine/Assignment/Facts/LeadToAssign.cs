using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact: the qualified lead waiting for an owner, the team routing chose, and the decision instant.</summary>
/// <param name="Lead">The normalized lead.</param>
/// <param name="Team">The routed team.</param>
/// <param name="Now">When the decision is made.</param>
public sealed record LeadToAssign(LeadFacts Lead, TeamDefinition Team, DateTimeOffset Now);
