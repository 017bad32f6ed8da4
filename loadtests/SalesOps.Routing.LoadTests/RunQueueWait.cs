using System.Globalization;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// How long a process's threads have waited, runnable, for a CPU: the second field of each thread's
/// <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/schedstat</c>. On a machine that the host shares with the
/// runner, a high latency at a rate the host's CPU use says it can carry is often this wait, not the
/// host's own work; reported beside CPU use, it tells the two apart. A window is measured thread by
/// thread (<see cref="Read"/>, then <see cref="SecondsSince"/>): a plain sum read twice drops below zero
/// when the thread pool retires threads in between, since a thread that exits takes its wait with it.
/// Such a thread's wait within the window is lost, so a window reads a little low, never high and
/// never below zero. Empty where the kernel does not keep these statistics (not Linux, or schedstat compiled out).
/// </summary>
internal static class RunQueueWait
{
    /// <summary>Each live thread's wait so far, in nanoseconds, by thread id.</summary>
    public static IReadOnlyDictionary<int, long> Read(int processId)
    {
        var waits = new Dictionary<int, long>();
        try
        {
            foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                if (!int.TryParse(Path.GetFileName(thread), NumberStyles.None, CultureInfo.InvariantCulture, out var threadId))
                    continue;
                try
                {
                    waits[threadId] = ParseWaitNanoseconds(File.ReadAllText(Path.Combine(thread, "schedstat")));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The thread exited while the folder was read.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No such folder (not Linux), or the process exited while it was read: what was read so far.
        }

        return waits;
    }

    /// <summary>Seconds the threads live now waited since <paramref name="earlier"/> (a <see cref="Read"/>).</summary>
    public static double SecondsSince(IReadOnlyDictionary<int, long> earlier, int processId) =>
        Between(earlier, Read(processId)) / 1e9;

    /// <summary>
    /// Nanoseconds waited between two readings, thread by thread. A thread new since the first reading
    /// counts whole; so does one that reads less than before, which can only be a new thread that was
    /// given the id of one that exited.
    /// </summary>
    public static long Between(IReadOnlyDictionary<int, long> earlier, IReadOnlyDictionary<int, long> later)
    {
        long nanoseconds = 0;
        foreach (var (threadId, wait) in later)
            nanoseconds += earlier.TryGetValue(threadId, out var before) && before <= wait ? wait - before : wait;
        return nanoseconds;
    }

    /// <summary>The wait in one schedstat line: "run-ns wait-ns timeslices".</summary>
    public static long ParseWaitNanoseconds(string schedstat)
    {
        var fields = schedstat.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var wait) ? wait : 0;
    }
}
