namespace SalesOps.Routing.Host.Dashboard;

/// <summary>
/// An SLA clock that needs a manager's eye: at risk, breached, or breached today and moved on. The
/// lead shows by its company; its name, e-mail and phone are personal data and stay off the board.
/// </summary>
/// <param name="State">The clock's state: running or warning (at risk, or overdue and not swept yet), breached, reassigned or late.</param>
/// <param name="ReassignedTo">For a breached clock whose lead moved on, the rep it went to.</param>
internal sealed record AttentionLeadView(
    string LeadId,
    string? Company,
    string TimerId,
    string Kind,
    int Cycle,
    string State,
    string? Team,
    string? RepId,
    string? RepName,
    string Policy,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? StoppedAt,
    string? EscalatedTo,
    string? ReassignedTo,
    string? ReassignedToName);
