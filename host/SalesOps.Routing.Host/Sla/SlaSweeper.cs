using System.Data.Common;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Records the warnings and breaches that have come due, oldest first, in batches. Each row is
/// claimed with a conditional update on the state it was read in, and its events and breach actions
/// are written in the same transaction, so each warning and breach is recorded exactly once however
/// many sweepers share the database.
/// </summary>
internal sealed partial class SlaSweeper(
    IConnectionFactory connections,
    SlaDueTimers dueTimers,
    SlaTimerWriter writer,
    SlaLeadMover mover,
    RoutingStateStore routingState,
    ILeadEvents leadEvents,
    RuleSetProvider ruleSets,
    DashboardEventHub dashboard,
    Observability.RoutingMetrics metrics,
    TimeProvider clock,
    IOptions<SlaOptions> options,
    WriteTurns turns,
    ILogger<SlaSweeper> logger)
{
    private readonly SlaOptions _options = options.Value;
    private long _completedSweeps;

    /// <summary>How many sweeps this process has completed, scheduled or not; a number that keeps rising shows the sweep is alive.</summary>
    public long CompletedSweeps => Interlocked.Read(ref _completedSweeps);

    /// <summary>Sweeps until nothing more is due; after downtime this catches up in deadline order.</summary>
    public async Task<SlaSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var total = SlaSweepResult.None;
        bool due;
        await using (var connection = await connections.OpenAsync(cancellationToken))
            due = await dueTimers.AnyDueAsync(connection, clock.GetUtcNow(), cancellationToken);
        while (due && !cancellationToken.IsCancellationRequested)
        {
            var (batch, moreDue) = await SweepBatchAsync(cancellationToken);
            total += batch;
            if (!moreDue)
                break;

            // A writer waiting for the lock (SQLite's busy wait retries every few tens of milliseconds)
            // gets its turn here; without the pause the next batch takes the lock back at once and
            // leads posted during a storm of breaches wait for all of it. Real time, like the wait.
            await Task.Delay(_options.PauseBetweenBatches, cancellationToken);
        }

        Interlocked.Increment(ref _completedSweeps);
        metrics.SlaSwept(total.Warnings, total.Breaches, total.Reassigned, total.Escalated);
        return total;
    }

    /// <summary>One transaction: claims due rows in order until the batch is done or has held the write lock for <see cref="SlaOptions.MaxBatchDuration"/>.</summary>
    private async Task<(SlaSweepResult Result, bool MoreDue)> SweepBatchAsync(CancellationToken cancellationToken)
    {
        using var turn = await turns.TakeAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = TimeProvider.System.GetTimestamp();
        var now = clock.GetUtcNow();
        var due = await dueTimers.FindAsync(connection, transaction, now, _options.BatchSize, cancellationToken);
        if (due.Count == 0)
            return (SlaSweepResult.None, false);

        var context = new BreachContext(connection, transaction, ruleSets.Current, now);
        var result = SlaSweepResult.None;
        var done = 0;
        while (done < due.Count && (done == 0 || TimeProvider.System.GetElapsedTime(locked) < _options.MaxBatchDuration))
        {
            var (_, row, isBreach) = due[done++];
            result += isBreach ? await BreachAsync(context, row, cancellationToken) : await WarnAsync(context, row, cancellationToken);
        }

        if (context.State is not null)
            await routingState.SaveAsync(connection, transaction, context.State, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        leadEvents.Committed();
        foreach (var item in context.Published)
            dashboard.Publish(item);
        LogSwept(result.Warnings, result.Breaches, result.Reassigned, result.Escalated, result.Lost);
        return (result, done < due.Count || due.Count == _options.BatchSize);
    }

    private async Task<SlaSweepResult> WarnAsync(BreachContext context, SlaTimerRow row, CancellationToken cancellationToken)
    {
        var warned = row.With(row.ToTimer().Warn(context.Now, _options.LateTolerance));
        if (!await writer.TryUpdateAsync(context.Connection, context.Transaction, warned, row.State, context.Now, cancellationToken))
            return SlaSweepResult.None with { Lost = 1 };
        await writer.AddEventAsync(context.Connection, context.Transaction, SlaEventTypes.Warning, warned,
            new { warnAt = row.WarnAt, warnAtPercent = row.WarnAtPercent }, context.Now, cancellationToken);
        context.Announce(SlaEventTypes.Warning, warned);
        return SlaSweepResult.None with { Warnings = 1 };
    }

    /// <summary>One batch's transaction, rule set and routing state; the state is read at most once, inside the transaction.</summary>
    private sealed class BreachContext(DbConnection connection, DbTransaction transaction, Engine.Rules.RuleSet rules, DateTimeOffset now)
    {
        public DbConnection Connection { get; } = connection;
        public DbTransaction Transaction { get; } = transaction;
        public Engine.Rules.RuleSet Rules { get; } = rules;
        public DateTimeOffset Now { get; } = now;
        public RoutingState? State { get; set; }

        /// <summary>What open dashboards are told once the batch is committed.</summary>
        public List<DashboardEvent> Published { get; } = [];

        public void Announce(string type, SlaTimerRow row) => Published.Add(new DashboardEvent(type, row.LeadId, row.RepId, row.TeamId, Now));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA sweep: {Warnings} warnings, {Breaches} breaches, {Reassigned} reassigned, {Escalated} escalated, {Lost} claimed elsewhere")]
    private partial void LogSwept(int warnings, int breaches, int reassigned, int escalated, int lost);
}
