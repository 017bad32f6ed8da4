namespace SalesOps.Routing.Engine.Sla;

/// <summary>One step a policy takes when a clock runs out; steps run in file order.</summary>
/// <param name="Action">One of <see cref="SlaActions"/>.</param>
/// <param name="To">
/// For notify: whom (<see cref="SlaActions.Rep"/>, <see cref="SlaActions.Manager"/>, <see cref="SlaActions.Team"/>).
/// For escalate: one target, <see cref="SlaActions.Manager"/> or <c>queue:NAME</c>. Empty for reassign.
/// </param>
/// <param name="MaxTimes">For reassign: how many times at most a lead is moved on by this policy; zero otherwise.</param>
public sealed record SlaBreachAction(string Action, IReadOnlyList<string> To, int MaxTimes = 0);
