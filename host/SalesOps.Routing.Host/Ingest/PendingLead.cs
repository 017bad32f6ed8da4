using System.Text.Json;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;

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

    /// <inheritdoc/>
    public long QueuedAt { get; set; }

    /// <summary>The lead received at <paramref name="receivedAt"/>, under a new time-ordered id, evaluated against <paramref name="rules"/>.</summary>
    public static PendingLead Evaluate(LeadInput input, string payload, RuleSet rules, DateTimeOffset receivedAt) =>
        new(Guid.CreateVersion7(receivedAt).ToString(), receivedAt, input, payload, LeadEvaluator.Evaluate(input, rules), rules);

    /// <summary>
    /// A lead the service writes itself (the start-up rehearsal, the benchmarks): its body parsed as a
    /// post's is, then evaluated. Throws when the body does not parse, which is a mistake in the sample.
    /// </summary>
    public static PendingLead FromSample(string payload, RuleSet rules, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(payload);
        var input = LeadPayloadParser.Parse(document.RootElement, []) ?? throw new InvalidOperationException($"A sample lead does not parse: {payload}");
        return Evaluate(input, payload, rules, receivedAt);
    }

    /// <summary>The writer takes the lead into a batch; false when its request has already given up.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    /// <summary>The request gives up waiting; true when the writer had not taken the lead, so it will never be stored.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}
