using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// Gathers the facts the assignment rules infer, in the order they fire. Reading them back with
/// <c>session.Query&lt;T&gt;()</c> would build and compile a LINQ expression tree per call, which costs
/// milliseconds per lead; watching the session's inserts costs nothing.
/// </summary>
internal sealed class InferredFacts
{
    private readonly List<Ineligible> _ineligible = [];
    private readonly List<TraceNote> _notes = [];

    public IReadOnlyList<Ineligible> Ineligible => _ineligible;

    public IReadOnlyList<TraceNote> Notes => _notes;

    /// <summary>The winning choice: highest precedence, first inferred among equals.</summary>
    public AssignmentChoice? Choice { get; private set; }

    public void Observe(object fact)
    {
        switch (fact)
        {
            case Ineligible ineligible:
                _ineligible.Add(ineligible);
                break;
            case TraceNote note:
                _notes.Add(note);
                break;
            case AssignmentChoice choice when Choice is null || choice.Precedence > Choice.Precedence:
                Choice = choice;
                break;
        }
    }

    public void Clear()
    {
        _ineligible.Clear();
        _notes.Clear();
        Choice = null;
    }
}
