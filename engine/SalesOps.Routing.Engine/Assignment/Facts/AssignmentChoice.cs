namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>Fact inferred by an ownership, distribution or fallback rule: who should get the lead.</summary>
/// <param name="Rep">The chosen rep, or null for a queue.</param>
/// <param name="Queue">The queue, when no rep is chosen.</param>
/// <param name="Rule">The rule that chose.</param>
/// <param name="Reason">Why, in words for the trace.</param>
/// <param name="Precedence">Higher wins when several rules choose: duplicate, account, distribution, fallback.</param>
/// <param name="Eligible">The eligible reps the choice was made among (for fairness bookkeeping).</param>
public sealed record AssignmentChoice(RepCandidate? Rep, string? Queue, string Rule, string Reason, int Precedence, IReadOnlyList<RepCandidate> Eligible)
{
    /// <summary>Precedence of the duplicate-lead rule.</summary>
    public const int Duplicate = 30;
    /// <summary>Precedence of the account-owner rule.</summary>
    public const int Account = 20;
    /// <summary>Precedence of team distribution.</summary>
    public const int Distribution = 10;
    /// <summary>Precedence of the fallback.</summary>
    public const int Fallback = 0;
}
