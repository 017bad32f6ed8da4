namespace SalesOps.Routing.Host.Storage;

/// <summary>The stores on their own, without the host's metrics (as the storage contract tests and benchmarks run them).</summary>
internal sealed class NoWriteStageTimer : IWriteStageTimer
{
    public void Committed(WriteStageLaps laps)
    {
    }
}
