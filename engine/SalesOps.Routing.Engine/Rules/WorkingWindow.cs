namespace SalesOps.Routing.Engine.Rules;

/// <summary>One opening window on some weekdays, from <paramref name="From"/> (inclusive) to <paramref name="To"/> (exclusive), local time.</summary>
/// <param name="Days">Weekdays the window applies to.</param>
/// <param name="From">Local start time.</param>
/// <param name="To">Local end time.</param>
public sealed record WorkingWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(",", Days.Order().Select(d => d.ToString()[..3]))} {From:HH\\:mm}-{To:HH\\:mm}";
}
