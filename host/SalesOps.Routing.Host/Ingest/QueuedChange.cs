namespace SalesOps.Routing.Host.Ingest;

/// <summary>
/// A change to stored leads (a status change, a touch, a pause) that commits in the writer's next
/// group commit, with the leads, instead of in a transaction of its own. On its own it would wait for
/// SQLite's single write lock behind the writer's batches and pay its own fsync, and posts would then
/// wait behind it; in the batch it shares both. A rerun of the batch after a transient fault runs the
/// change again from the database as it is, so only the last run's answer is given.
/// </summary>
internal abstract class QueuedChange : IQueuedWrite
{
    private const int Waiting = 0, Claimed = 1, Abandoned = 2;
    private int _state;

    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Waiting) == Waiting;

    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;

    /// <inheritdoc/>
    public long QueuedAt { get; set; }

    /// <summary>
    /// Runs the change inside the batch's transaction; false when it was refused and its writes must be
    /// undone. A refusal must leave <see cref="WriteScope.State"/> as it found it: a savepoint undoes rows, not memory.
    /// </summary>
    public abstract Task<bool> RunAsync(WriteScope scope, CancellationToken cancellationToken);

    /// <summary>The batch committed: answer the request.</summary>
    public abstract void Complete();

    /// <summary>The batch did not commit, or this change failed: answer the request with the failure.</summary>
    public abstract void Fail(Exception exception);
}

/// <inheritdoc cref="QueuedChange"/>
internal sealed class QueuedChange<T>(Func<WriteScope, CancellationToken, Task<ChangeResult<T>>> work) : QueuedChange
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _answer;

    public Task<T> Completion => _completion.Task;

    public override async Task<bool> RunAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        var result = await work(scope, cancellationToken);
        _answer = result.Value;
        return result.Keep;
    }

    public override void Complete() => _completion.TrySetResult(_answer!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
