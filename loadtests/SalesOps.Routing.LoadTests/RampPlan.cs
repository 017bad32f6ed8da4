namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The offered rates of a ramp. Coarse steps (each the last times the step factor) find the
/// first rate that fails; then fine steps (times the refine factor) climb again from the last
/// clean coarse rate towards it. With coarse steps alone the max could only land on a coarse rate,
/// so two targets whose true maxima lie 10 % apart could be reported 25 % or 0 % apart.
/// </summary>
internal sealed class RampPlan(double startRate, double stepFactor, double refineFactor, double maxRate)
{
    private double _lastClean = double.NaN;
    private double _firstFailed = double.NaN;

    /// <summary>The first rate to offer.</summary>
    public double First => startRate;

    /// <summary>The rate to offer after <paramref name="rate"/> passed or failed, or null when the ramp is over.</summary>
    public double? Next(double rate, bool passed)
    {
        if (double.IsNaN(_firstFailed))
        {
            // Coarse steps until the first failure; refine from there, unless nothing passed or the fine factor is no finer.
            if (passed)
            {
                _lastClean = rate;
                return rate * stepFactor <= maxRate ? rate * stepFactor : null;
            }

            if (double.IsNaN(_lastClean) || refineFactor >= stepFactor)
                return null;
            _firstFailed = rate;
        }
        else if (passed)
            _lastClean = rate;
        else
            return null;

        // Fine steps above the last clean rate, short of the rate that already failed.
        var next = _lastClean * refineFactor;
        return next < _firstFailed ? next : null;
    }
}
