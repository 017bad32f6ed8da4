using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// Takes a choice that no rule reacts to, so it need not pass through the rule network. A rule gets
/// it with <c>Dependency().Resolve(() =&gt; recorder)</c>. A choice that other rules must see (an owner
/// claiming the lead, which stops distribution and the fallback) is inserted as a fact instead.
/// </summary>
public interface IChoiceRecorder
{
    /// <summary>Offers <paramref name="choice"/>; the highest precedence wins, the first among equals.</summary>
    void Record(AssignmentChoice choice);
}
