using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Ingest;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Touches, pauses and resumes as the API receives them. Each runs in the writer's next group commit,
/// with the leads arriving meanwhile: reps touch leads all day while leads flow, and a transaction
/// of its own would wait for the write lock behind the writer's batches and pay its own fsync.
/// </summary>
internal sealed class SlaTimerCommands(DecisionWriter writer, SlaTimerService timers, DashboardEventHub dashboard)
{
    public Task<SlaCommandOutcome> TouchAsync(string leadId, string who, DateTimeOffset? when, CancellationToken cancellationToken) =>
        RunAsync(leadId, (scope, token) => timers.TouchAsync(scope, leadId, who, when, token), cancellationToken);

    public Task<SlaCommandOutcome> PauseAsync(string leadId, CancellationToken cancellationToken) =>
        RunAsync(leadId, (scope, token) => timers.PauseAsync(scope, leadId, token), cancellationToken);

    public Task<SlaCommandOutcome> ResumeAsync(string leadId, CancellationToken cancellationToken) =>
        RunAsync(leadId, (scope, token) => timers.ResumeAsync(scope, leadId, token), cancellationToken);

    private async Task<SlaCommandOutcome> RunAsync(string leadId, Func<WriteScope, CancellationToken, Task<SlaChange>> change, CancellationToken cancellationToken)
    {
        var result = await writer.ChangeAsync(async (scope, token) =>
        {
            var outcome = await change(scope, token);
            return outcome.Applied ? ChangeResult<SlaChange>.Kept(outcome) : ChangeResult<SlaChange>.Undone(outcome);
        }, cancellationToken);

        if (!result.Found)
            return SlaCommandOutcome.NotFound;
        if (result.Problem is not null)
            return SlaCommandOutcome.Conflict(result.Problem);
        foreach (var item in result.Published)
            dashboard.Publish(item);
        return new SlaCommandOutcome(SlaCommandStatus.Done, await timers.ForLeadAsync(leadId, cancellationToken));
    }
}
