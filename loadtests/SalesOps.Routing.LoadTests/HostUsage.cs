namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The host over a measurement window: CPU used and CPU waited for, each in cores (1.0 = one core's
/// worth of time over the window), and its peak resident memory.
/// </summary>
internal readonly record struct HostUsage(double Cores, double RunQueueCores, double PeakRssMb);
