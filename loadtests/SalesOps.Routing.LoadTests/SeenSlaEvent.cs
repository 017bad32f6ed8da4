namespace SalesOps.Routing.LoadTests;

/// <summary>A warning or breach as a reader of the outbox saw it: the clock, the instant it was due, and when it became visible.</summary>
internal sealed record SeenSlaEvent(string TimerId, string Type, DateTimeOffset DueAt, DateTimeOffset SeenAt)
{
    public bool IsBreach => Type == "sla.breached";

    public double LagMs => (SeenAt - DueAt).TotalMilliseconds;
}
