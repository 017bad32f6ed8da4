using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NRules;
using NRules.Diagnostics;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// An NRules session lent out for one decision and cleaned up afterwards. Creating a session
/// activates the whole rule network, about half of what a decision costs; retracting every fact a
/// decision left behind brings a session back to the state a new one starts in, so it can be lent
/// again. Each decision still sees only its own facts.
/// </summary>
internal sealed class AssignmentSession
{
    // Enough for the writer, the SLA sweep and a few concurrent simulations; more are created and dropped.
    private const int MaxPooled = 8;

    private static readonly ConditionalWeakTable<ISessionFactory, ConcurrentBag<AssignmentSession>> Pools = [];

    private readonly ConcurrentBag<AssignmentSession> _pool;
    private readonly List<object> _facts = [];

    private AssignmentSession(ISessionFactory factory, ConcurrentBag<AssignmentSession> pool)
    {
        _pool = pool;
        Session = factory.CreateSession();
        Session.Events.FactInsertedEvent += OnInserted;
    }

    public ISession Session { get; }

    /// <summary>What the rules inferred during this loan.</summary>
    public InferredFacts Inferred { get; } = new();

    /// <summary>A clean session for <paramref name="factory"/>'s rules; give it back with <see cref="Return"/>.</summary>
    public static AssignmentSession Rent(ISessionFactory factory)
    {
        var pool = Pools.GetValue(factory, _ => []);
        return pool.TryTake(out var session) ? session : new AssignmentSession(factory, pool);
    }

    /// <summary>
    /// Retracts every fact of the loan and pools the session again. Rules never retract facts, so the
    /// facts inserted are the facts present. A session that does not come back empty is dropped.
    /// </summary>
    public void Return()
    {
        Session.TryRetractAll(_facts);
        _facts.Clear();
        Inferred.Clear();
        if (Session.Agenda.IsEmpty && _pool.Count < MaxPooled)
            _pool.Add(this);
    }

    private void OnInserted(object? sender, WorkingMemoryEventArgs args)
    {
        var fact = args.Fact.Value!;
        _facts.Add(fact);
        Inferred.Observe(fact);
    }
}
