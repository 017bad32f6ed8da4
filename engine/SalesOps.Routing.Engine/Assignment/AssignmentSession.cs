using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NRules;
using NRules.Diagnostics;
using NRules.Extensibility;
using SalesOps.Routing.Engine.Assignment.Facts;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment;

/// <summary>
/// A warm NRules session lent out for one decision at a time. Reps stay in it as standing facts,
/// so eligibility is judged again only for reps whose values changed; a decision inserts just the
/// lead and what the store knows about it, and retracts those (and what the rules inferred from
/// them) on return, so the next loan starts from the same standing facts. Sessions are not
/// thread-safe: each concurrent user (the writer, the SLA sweep, a dry run) rents its own.
/// </summary>
internal sealed partial class AssignmentSession
{
    // Enough for the writer, the SLA sweep and a few concurrent simulations; more are created and dropped.
    private const int MaxPooled = 8;

    // A session belongs to one compiled rule network and one rule set snapshot: its rep facts carry
    // that snapshot's configuration, so a reload gets fresh sessions and the old ones go with it.
    private static readonly ConditionalWeakTable<ISessionFactory, ConditionalWeakTable<RuleSet, ConcurrentBag<AssignmentSession>>> Pools = [];

    private readonly ConcurrentBag<AssignmentSession> _pool;
    private readonly List<object> _inputs = [];
    private readonly List<object> _inferred = [];

    private AssignmentSession(ISessionFactory factory, RuleSet rules, ConcurrentBag<AssignmentSession> pool)
    {
        _pool = pool;
        _rules = rules;
        Session = factory.CreateSession();
        Session.DependencyResolver = new ChoiceRecorderResolver(Inferred);
        Session.Events.FactInsertedEvent += OnInserted;
        Session.Events.FactUpdatedEvent += OnUpdated;
        Session.Events.FactRetractedEvent += OnRetracted;
    }

    public ISession Session { get; }

    /// <summary>What the rules inferred about the lead during this loan.</summary>
    public InferredFacts Inferred { get; } = new();

    /// <summary>Why standing reps cannot take a lead, as of the last fire.</summary>
    public StandingObjections Objections { get; } = new();

    /// <summary>A session for <paramref name="factory"/>'s rules and <paramref name="rules"/>' reps; give it back with <see cref="Return"/>.</summary>
    public static AssignmentSession Rent(ISessionFactory factory, RuleSet rules)
    {
        var pool = Pools.GetValue(factory, _ => []).GetValue(rules, _ => []);
        return pool.TryTake(out var session) ? session : new AssignmentSession(factory, rules, pool);
    }

    /// <summary>Inserts the facts about one lead; <see cref="Return"/> retracts them.</summary>
    public void InsertLead(LeadToAssign lead, IReadOnlyList<AccountMatch> accounts, OpenLeadMatch? openLead)
    {
        _inputs.Add(lead);
        _inputs.AddRange(accounts);
        if (openLead is not null)
            _inputs.Add(openLead);
        if (_inputs.Count == 1)
            Session.Insert(lead);
        else
            Session.InsertAll(_inputs);
    }

    /// <summary>
    /// Retracts the lead's facts and everything inferred from them, and pools the session again.
    /// A session that does not come back to its standing facts alone is dropped.
    /// </summary>
    public void Return()
    {
        // Inputs first: with the lead gone no rule can react to its choices disappearing.
        RetractAll(_inputs);
        RetractAll(_inferred);
        _inputs.Clear();
        _inferred.Clear();
        Inferred.Clear();
        if (Session.Agenda.IsEmpty && _pool.Count < MaxPooled)
            _pool.Add(this);
    }

    // One fact at a time: a batch call allocates a result and a grouping that cost more than the propagation saved.
    private void RetractAll(List<object> facts)
    {
        foreach (var fact in facts)
            Session.Retract(fact);
    }

    // The only service the assignment rules ask for; anything else is a rule set this engine does not know.
    private sealed class ChoiceRecorderResolver(IChoiceRecorder recorder) : IDependencyResolver
    {
        public object Resolve(IResolutionContext context, Type serviceType) => serviceType == typeof(IChoiceRecorder)
            ? recorder
            : throw new InvalidOperationException($"Rule {context.Rule.Name} asks for {serviceType.Name}; assignment rules can only resolve {nameof(IChoiceRecorder)}.");
    }

    private void OnInserted(object? sender, WorkingMemoryEventArgs args)
    {
        var fact = args.Fact.Value!;
        if (fact is Ineligible objection)
            Objections.Added(objection);
        else if (Inferred.Observe(fact))
            _inferred.Add(fact);
    }

    private void OnUpdated(object? sender, WorkingMemoryEventArgs args)
    {
        if (args.Fact.Value is Ineligible objection)
            Objections.Changed(objection);
    }

    private void OnRetracted(object? sender, WorkingMemoryEventArgs args)
    {
        if (args.Fact.Value is Ineligible objection)
            Objections.Removed(objection);
    }
}
