using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Ingest;

/// <summary>A lead that has been evaluated and waits for the writer to assign a rep and commit it.</summary>
internal sealed record PendingLead(
    string LeadId,
    DateTimeOffset ReceivedAt,
    LeadInput Input,
    string Payload,
    Evaluation Evaluation,
    RuleSet Rules) : IQueuedWrite
{
    private const int Waiting = 0, Claimed = 1, Abandoned = 2;
    private int _state;

    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The writer takes the lead into a batch; false when its request has already given up.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>The request gives up waiting; true when the writer had not taken the lead, so it will never be stored.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}
