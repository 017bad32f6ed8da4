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
    RuleSet Rules)
{
    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
