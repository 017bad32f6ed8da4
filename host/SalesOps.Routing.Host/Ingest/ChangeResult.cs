namespace SalesOps.Routing.Host.Ingest;

/// <summary>What a queued change answers, and whether its writes stay.</summary>
/// <param name="Value">The answer for the request, given once the batch has committed.</param>
/// <param name="Keep">False when the change was refused: everything it wrote is rolled back to its savepoint.</param>
internal readonly record struct ChangeResult<T>(T Value, bool Keep)
{
    public static ChangeResult<T> Kept(T value) => new(value, Keep: true);

    public static ChangeResult<T> Undone(T value) => new(value, Keep: false);
}
