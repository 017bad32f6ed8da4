namespace SalesOps.Routing.Engine.Rules;

/// <summary>A rule expression reaches for something rule expressions may not use (reflection, files, the process, the clock).</summary>
internal sealed class UnsafeExpressionException(string message) : Exception(message);
