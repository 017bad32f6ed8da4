using System.Globalization;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// How long a process's threads have waited, runnable, for a CPU: the second field of each thread's
/// <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/schedstat</c>, summed. On a machine that the host shares with
/// the runner, a high latency at a rate the host's CPU use says it can carry is often this wait, not
/// the host's own work; reported beside CPU use, it tells the two apart. Threads that exit between two
/// readings take their wait with them, so a window reads a little low, never high. Zero where the
/// kernel does not keep these statistics (not Linux, or schedstat compiled out).
/// </summary>
internal static class RunQueueWait
{
    /// <summary>The threads' summed wait so far, in seconds.</summary>
    public static double Seconds(int processId)
    {
        long nanoseconds = 0;
        try
        {
            foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                try
                {
                    nanoseconds += ParseWaitNanoseconds(File.ReadAllText(Path.Combine(thread, "schedstat")));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The thread exited while the folder was read.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No such folder (not Linux), or the process exited while it was read: what was summed so far.
        }

        return nanoseconds / 1e9;
    }

    /// <summary>The wait in one schedstat line: "run-ns wait-ns timeslices".</summary>
    public static long ParseWaitNanoseconds(string schedstat)
    {
        var fields = schedstat.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var wait) ? wait : 0;
    }
}
