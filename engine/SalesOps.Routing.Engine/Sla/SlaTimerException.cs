namespace SalesOps.Routing.Engine.Sla;

/// <summary>A state change that the timer's current state does not allow, e.g. resuming a running timer.</summary>
public sealed class SlaTimerException(string message) : InvalidOperationException(message);
