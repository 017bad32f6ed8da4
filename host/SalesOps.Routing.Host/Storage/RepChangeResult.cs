using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Storage;

/// <summary>A rep's state after a change, and the leads the change moved to other reps.</summary>
internal sealed record RepChangeResult(RepState State, IReadOnlyList<Reassignment> Reassigned);
