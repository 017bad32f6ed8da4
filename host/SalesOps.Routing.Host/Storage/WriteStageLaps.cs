using System.Diagnostics;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Splits one batch's time between its <see cref="WriteStage"/>s, as a lap timer does: each
/// <see cref="Lap"/> charges the time since the previous one to a stage. One clock read a stage, a
/// handful a batch, so it stays on in production.
/// </summary>
internal sealed class WriteStageLaps
{
    public static readonly IReadOnlyList<WriteStage> Stages = Enum.GetValues<WriteStage>();

    private readonly long[] _ticks = new long[Stages.Count];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Charges the time since the last lap (or since this batch started) to <paramref name="stage"/>.</summary>
    public void Lap(WriteStage stage)
    {
        var now = Stopwatch.GetTimestamp();
        _ticks[(int)stage] += now - _last;
        _last = now;
    }

    /// <summary>The time charged to <paramref name="stage"/>, in seconds (not a TimeSpan, whose 100 ns units would round small stages to nothing).</summary>
    public double Seconds(WriteStage stage) => _ticks[(int)stage] / (double)Stopwatch.Frequency;
}
