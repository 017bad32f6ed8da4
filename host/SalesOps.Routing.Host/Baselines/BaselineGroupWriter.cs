using System.Threading.Channels;
using Dapper;
using SalesOps.Routing.Host.Ingest;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Baselines;

/// <summary>
/// Storage-only group commit: the same rows per lead as the real path (lead under its own source, externalId and e-mail, decision, assignment,
/// first-touch SLA timer) gathered from concurrent requests into one transaction, with a fixed decision instead of rule work.
/// It shows what the storage path alone can do, so the cost of the rules can be read off the difference.
/// </summary>
internal sealed class BaselineGroupWriter(IConnectionFactory connections, LeadStatements sql, SlaStatements slaSql, DurableAcknowledger acknowledger,
    TimeProvider clock) : BackgroundService
{
    private const int MaxBatch = 256;
    private const string Trace = "[{\"stage\":\"route\",\"rule\":\"baseline\",\"effect\":\"team EMEA-DACH\"}]";
    private const string PolicyTerms = "{\"calendar\":\"always\",\"warnAtPercent\":80,\"targets\":{\"firstTouch\":\"PT15M\"}}";

    // Far enough out that no sweep during a load run ever finds these clocks due.
    private static readonly TimeSpan DueIn = TimeSpan.FromDays(7);
    private readonly Channel<Item> _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(8192) { SingleReader = true });

    public async Task<string> SubmitAsync(string payload, BaselineLeadKeys keys, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Guid.CreateVersion7(clock.GetUtcNow()).ToString();
        // Its own source namespace: the same lead posted to the real path in the same run does not collide.
        await _queue.Writer.WriteAsync(new Item(id, "baseline:" + (keys.Source ?? ""), keys.ExternalId ?? id, keys.Email, payload, done), cancellationToken);
        await done.Task;
        return id;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Item>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                batch.Add(item);
            Item[] committed = [.. batch];
            try
            {
                // Answered as the real writer answers: once the commit is durable.
                await CommitAsync(batch, stoppingToken);
                acknowledger.AfterSync(
                    () => Array.ForEach(committed, item => item.Done.TrySetResult()),
                    failure => Array.ForEach(committed, item => item.Done.TrySetException(failure)));
            }
            catch (Exception ex)
            {
                Array.ForEach(committed, item => item.Done.TrySetException(ex));
            }
        }
    }

    private async Task CommitAsync(List<Item> batch, CancellationToken cancellationToken)
    {
        // Opened as the real writer opens its connection, so the embedded database's log is started over alike.
        await using var connection = await connections.OpenBetweenCommitsAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // One command per table for the whole batch (Dapper's multi-execute): the statement is
        // prepared once and each row only rebinds its parameters, named as the real writer names them.
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertLead, batch.Select(b => new PrefixedParameters(new
        {
            b.Id, b.Source, b.ExternalId, ReceivedAt = now, b.Email, Status = "assigned",
            TeamId = "EMEA-DACH", RepId = "dach-1", b.Payload,
        })), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertDecision, batch.Select(b => new PrefixedParameters(new
        {
            LeadId = b.Id, DecidedAt = now, RuleSetVersion = "baseline", Status = "assigned", Score = 0, Qualified = true,
            TeamId = "EMEA-DACH", RepId = "dach-1", RepName = "Baseline", Trace,
        })), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(sql.InsertAssignment, batch.Select(b => new PrefixedParameters(new
        {
            LeadId = b.Id, TeamId = "EMEA-DACH", RepId = "dach-1", AssignedAt = now, Reason = "baseline", Trace = (string?)null,
        })), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(slaSql.InsertStartedTimer, batch.Select(b => new PrefixedParameters(new
        {
            Id = Guid.CreateVersion7(now).ToString(), LeadId = b.Id, Cycle = 1, Kind = "first-touch", State = "running", TeamId = "EMEA-DACH",
            RepId = "dach-1", PolicyName = "baseline", RuleSetVersion = "baseline", PolicyTerms, Calendar = "always", TargetMs = (long)DueIn.TotalMilliseconds,
            WarnAtPercent = 80, StartedAt = now, WarnAt = now + DueIn * 0.8, DueAt = now + DueIn,
        })), transaction, cancellationToken: cancellationToken));

        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record Item(string Id, string Source, string ExternalId, string? Email, string Payload, TaskCompletionSource Done);
}
