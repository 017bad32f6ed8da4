namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The offered rates of a ramp. Coarse steps (each the last times the step factor) find the
/// first rate that fails; then fine steps (times the refine factor) climb again from the last
/// clean coarse rate towards it. With coarse steps alone the max could only land on a coarse rate,
/// so two targets whose true maxima lie 10 % apart could be reported 25 % or 0 % apart. When the
/// first rate already fails (a slow disk under the naive baseline), coarse steps go down instead,
/// to a sixteenth of it at most, so that target still gets a max and its ratio.
/// </summary>
internal sealed class RampPlan(double startRate, double stepFactor, double refineFactor, double maxRate)
{
    private readonly double _minRate = startRate / 16;

    private double _lastClean = double.NaN;
    private double _firstFailed = double.NaN;

    /// <summary>The first rate to offer.</summary>
    public double First => startRate;

    /// <summary>The rate to offer after <paramref name="rate"/> passed or failed, or null when the ramp is over.</summary>
    public double? Next(double rate, bool passed)
    {
        if (!double.IsNaN(_firstFailed))
        {
            // Refining: fine steps until one fails.
            if (!passed)
                return null;
            _lastClean = rate;
            return FineStep();
        }

        if (passed)
        {
            _lastClean = rate;
            // Climbing: coarse steps up. Below the first rate the ramp came down, so the step above this one failed.
            if (rate >= startRate)
                return rate * stepFactor <= maxRate ? rate * stepFactor : null;
            _firstFailed = rate * stepFactor;
        }
        else if (double.IsNaN(_lastClean))
        {
            // Nothing has passed yet: coarse steps down, to the floor at most.
            return rate / stepFactor >= _minRate ? rate / stepFactor : null;
        }
        else
            _firstFailed = rate;

        // A fine factor no finer than the coarse one has nothing to refine.
        return refineFactor < stepFactor ? FineStep() : null;
    }

    // Fine steps above the last clean rate, short of the lowest rate that failed.
    private double? FineStep()
    {
        var next = _lastClean * refineFactor;
        return next < _firstFailed ? next : null;
    }
}
