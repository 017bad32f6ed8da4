using SalesOps.Routing.Engine.Assignment.Facts;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// Gathers the facts the assignment rules infer about one lead, in the order they fire. Reading them
/// back with <c>session.Query&lt;T&gt;()</c> would build and compile a LINQ expression tree per call,
/// which costs milliseconds per lead; watching the session's inserts costs nothing. Choices no rule
/// reacts to come straight here through <see cref="IChoiceRecorder"/>.
/// </summary>
internal sealed class InferredFacts : IChoiceRecorder
{
    private readonly List<TraceNote> _notes = [];

    public IReadOnlyList<TraceNote> Notes => _notes;

    /// <summary>The winning choice: highest precedence, first inferred among equals.</summary>
    public AssignmentChoice? Choice { get; private set; }

    /// <summary>Records <paramref name="fact"/> when it is about the lead; false for standing facts.</summary>
    public bool Observe(object fact)
    {
        switch (fact)
        {
            case TraceNote note:
                _notes.Add(note);
                return true;
            case AssignmentChoice choice:
                Record(choice);
                return true;
            default:
                return false;
        }
    }

    public void Record(AssignmentChoice choice)
    {
        if (Choice is null || choice.Precedence > Choice.Precedence)
            Choice = choice;
    }

    public void Clear()
    {
        _notes.Clear();
        Choice = null;
    }
}
