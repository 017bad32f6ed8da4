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
    public void Read_OfAProcessThatIsGone_IsEmpty() =>
        // A host that has exited has no folder to read; the phase still gets its report.
        Assert.Empty(RunQueueWait.Read(int.MaxValue));

    [Fact]
    public void Between_LeavesOutAThreadThatExited_InsteadOfGoingBelowZero()
    {
        // The thread pool retired thread 12, which had waited 9 s, during the window.
        var earlier = new Dictionary<int, long> { [11] = 1_000, [12] = 9_000_000_000 };
        var later = new Dictionary<int, long> { [11] = 1_500 };

        Assert.Equal(500, RunQueueWait.Between(earlier, later));
    }

    [Fact]
    public void Between_CountsANewThreadWhole_AndAReusedIdAsNew()
    {
        // Thread 13 started in the window; id 12 now names a new thread that has waited less than the old one had.
        var earlier = new Dictionary<int, long> { [11] = 1_000, [12] = 9_000 };
        var later = new Dictionary<int, long> { [11] = 1_000, [12] = 300, [13] = 700 };

        Assert.Equal(1_000, RunQueueWait.Between(earlier, later));
    }

    [Fact]
    public void SecondsSince_GrowsWhileMoreThreadsSpinThanThereAreCores()
    {
        var before = RunQueueWait.Read(Environment.ProcessId);

        // Twice as many busy threads as cores for 400 ms: together they wait for a CPU about as long
        // as there are cores times 400 ms. Read while they still run: a thread that has exited takes
        // its wait with it.
        using var stop = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, Environment.ProcessorCount * 2)
            .Select(_ => new Thread(() => { while (!stop.IsCancellationRequested) { } }))
            .ToList();
        spinners.ForEach(t => t.Start());
        Thread.Sleep(400);
        var waited = RunQueueWait.SecondsSince(before, Environment.ProcessId);
        stop.Cancel();
        spinners.ForEach(t => t.Join());

        Assert.True(waited > 0.1, $"the threads of this process waited {waited:F3} s for a CPU");
    }
}
