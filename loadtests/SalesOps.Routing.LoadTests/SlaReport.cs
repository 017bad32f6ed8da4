using System.Globalization;
using System.Text;

namespace SalesOps.Routing.LoadTests;

/// <summary>The SLA part of a run's Markdown report: lags, the storm's drain, and the verdict.</summary>
internal static class SlaReport
{
    public static string Markdown(SlaResult? sla)
    {
        if (sla is null)
            return "";
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        md.AppendLine();
        md.AppendLine("## SLA clocks");
        md.AppendLine();
        Line($"Rules: {sla.Rules}.");
        if (sla.StormTimers is { } timers)
        {
            Line($"Storm: {timers} first-touch clocks copied from {sla.StormTemplates} routed leads in {sla.SeedSeconds:F1} s, all due within the second from {sla.StormDueAt:O}; the host was ready {sla.HostReadySecondsBeforeDue:F1} s before.");
            md.AppendLine();
            md.AppendLine("| storm | value |");
            md.AppendLine("| --- | ---: |");
            Line($"| all breached, by breached_at (s after due second) | {sla.AllBreachedRecordedSeconds:F1} |");
            Line($"| all breached, visible in the outbox (s after due second) | {sla.AllBreachedVisibleSeconds:F1} |");
            Line($"| sweep throughput (clocks/s, visible) | {sla.SweepTimersPerSecond:F0} |");
            Line($"| host CPU during the storm (cores) | {sla.StormHostCpuCores:F2} |");
            Line($"| host peak RSS during the storm (MB) | {sla.StormHostPeakRssMb:F0} |");
        }

        md.AppendLine();
        md.AppendLine("| lag after due | clocks | p50 ms | p90 ms | p99 ms | max ms |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Row(md, "breach, recorded (breached_at − due_at)", sla.BreachLagRecorded);
        Row(md, "breach, visible in the outbox", sla.BreachLagVisible);
        Row(md, "warning, recorded (warned_at − warn_at)", sla.WarningLagRecorded);
        md.AppendLine();
        Line($"SLA verification {sla.Verification}.");
        foreach (var note in sla.Notes)
        {
            md.AppendLine();
            md.AppendLine(note);
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, LagStats lag) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {lag.Count} | {lag.P50Ms:F0} | {lag.P90Ms:F0} | {lag.P99Ms:F0} | {lag.MaxMs:F0} |");
}
