using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Sla;

/// <summary>A named SLA policy: the leads it applies to and what it promises them.</summary>
/// <param name="Name">Unique name in the policy file; timers record it.</param>
/// <param name="Condition">Compiled condition over <c>lead</c> and <c>team</c>; null for the default policy.</param>
/// <param name="Terms">Targets, calendar, warning threshold and breach actions.</param>
public sealed record SlaPolicy(string Name, CompiledRule? Condition, SlaPolicyTerms Terms);
