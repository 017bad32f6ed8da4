namespace SalesOps.Routing.Host.Sla;

/// <summary>What one sweep recorded; <see cref="Lost"/> counts rows another sweeper claimed first.</summary>
internal sealed record SlaSweepResult(int Warnings, int Breaches, int Reassigned, int Escalated, int Lost)
{
    public static SlaSweepResult None { get; } = new(0, 0, 0, 0, 0);

    public int Claimed => Warnings + Breaches;

    public static SlaSweepResult operator +(SlaSweepResult a, SlaSweepResult b) =>
        new(a.Warnings + b.Warnings, a.Breaches + b.Breaches, a.Reassigned + b.Reassigned, a.Escalated + b.Escalated, a.Lost + b.Lost);
}
