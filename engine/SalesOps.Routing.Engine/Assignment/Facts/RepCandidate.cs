using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Assignment.Facts;

/// <summary>
/// Fact: a rep who might take leads, with configuration and current state already combined. It holds
/// values rather than the live <see cref="RepState"/>, so a session that keeps the fact between
/// decisions sees every change through an update and re-judges the rep only then.
/// </summary>
public sealed class RepCandidate
{
    private RepValues _values;

    internal RepCandidate(RepDefinition rep, int order, RepValues values)
    {
        Rep = rep;
        Order = order;
        _values = values;
    }

    /// <summary>The configured rep.</summary>
    public RepDefinition Rep { get; }

    /// <summary>Position in the rep's team's rotation order.</summary>
    public int Order { get; }

    /// <summary>Rep id.</summary>
    public string Id => Rep.Id;

    /// <summary>The team the rep belongs to.</summary>
    public string TeamId => Rep.TeamId;

    /// <summary>Effective active flag.</summary>
    public bool Active => _values.Active;

    /// <summary>True when out of office at the decision instant.</summary>
    public bool OutOfOffice => _values.OutOfOffice;

    /// <summary>End of the out-of-office period, if one is set.</summary>
    public DateTimeOffset? OutOfOfficeTo => _values.OutOfOfficeTo;

    /// <summary>True when the decision instant falls in the rep's working hours (or none are set).</summary>
    public bool InWorkingHours => _values.InWorkingHours;

    /// <summary>Effective cap on leads awaiting first touch.</summary>
    public int? MaxOpenLeads => _values.MaxOpenLeads;

    /// <summary>Effective daily cap.</summary>
    public int? MaxLeadsPerDay => _values.MaxLeadsPerDay;

    /// <summary>Leads assigned to the rep that still await first touch.</summary>
    public int OpenLeads => _values.OpenLeads;

    /// <summary>Leads assigned today in the rep's time zone.</summary>
    public int AssignedToday => _values.AssignedToday;

    /// <summary>Effective weight.</summary>
    public int Weight => _values.Weight;

    /// <summary>Takes new values; true when a rule could judge the rep differently, so the session must be told with an update.</summary>
    internal bool Sync(in RepValues values)
    {
        var judgedAlike = values.JudgedAlike(_values);
        _values = values;
        return !judgedAlike;
    }

    /// <summary>A detached copy that later syncs of this fact do not change.</summary>
    internal RepCandidate Snapshot() => new(Rep, Order, _values);

    /// <inheritdoc />
    public override string ToString() => Id;
}
