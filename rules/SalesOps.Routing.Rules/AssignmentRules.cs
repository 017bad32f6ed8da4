using NRules;
using NRules.Fluent;

namespace SalesOps.Routing.Rules;

/// <summary>
/// The NRules assignment rule set. Compiling it is expensive (it builds the Rete network), so a
/// process compiles it once and opens a short session per lead.
/// </summary>
public static class AssignmentRules
{
    /// <summary>Salience bands: eligibility is settled (rep, then team) before anyone is chosen, ownership before distribution, distribution before fallback.</summary>
    internal const int EligibilityPriority = 100;
    internal const int EligiblePriority = 50;
    internal const int TeamPriority = 45;
    internal const int OwnershipPriority = 40;
    internal const int DistributionPriority = 10;
    internal const int FallbackPriority = 0;

    /// <summary>Loads every rule class in this assembly and compiles the session factory.</summary>
    public static ISessionFactory Compile()
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(typeof(AssignmentRules).Assembly));
        return repository.Compile();
    }
}
