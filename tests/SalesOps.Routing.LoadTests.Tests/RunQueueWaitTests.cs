namespace SalesOps.Routing.LoadTests.Tests;

/// <summary>The host's CPU waited for, read from the kernel's per-thread scheduler statistics.</summary>
public sealed class RunQueueWaitTests
{
    [Theory]
    [InlineData("5123456 789012 40\n", 789_012)]
    [InlineData("0 0 0", 0)]
    [InlineData("5123456", 0)]
    [InlineData("", 0)]
    public void ParseWaitNanoseconds_ReadsTheSecondField(string schedstat, long expected) =>
        Assert.Equal(expected, RunQueueWait.ParseWaitNanoseconds(schedstat));

    [Fact]
    public void Seconds_OfAProcessThatIsGone_IsZero() =>
        // A host that has exited has no folder to read; the phase still gets its report.
        Assert.Equal(0, RunQueueWait.Seconds(int.MaxValue));

    [Fact]
    public void Seconds_GrowsWhileMoreThreadsSpinThanThereAreCores()
    {
        var before = RunQueueWait.Seconds(Environment.ProcessId);

        // Twice as many busy threads as cores for 400 ms: together they wait for a CPU about as long
        // as there are cores times 400 ms. Read while they still run: a thread that has exited takes
        // its wait with it.
        using var stop = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, Environment.ProcessorCount * 2)
            .Select(_ => new Thread(() => { while (!stop.IsCancellationRequested) { } }))
            .ToList();
        spinners.ForEach(t => t.Start());
        Thread.Sleep(400);
        var during = RunQueueWait.Seconds(Environment.ProcessId);
        stop.Cancel();
        spinners.ForEach(t => t.Join());

        Assert.True(during - before > 0.1, $"the threads of this process waited {during - before:F3} s for a CPU");
    }
}
