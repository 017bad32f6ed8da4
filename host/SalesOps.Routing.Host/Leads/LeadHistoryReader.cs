using System.Data.Common;
using Dapper;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Leads;

/// <summary>
/// Reads where a lead stands now. The stored decision is never rewritten, so an SLA breach or an ops
/// reassignment shows only here: in the lead's row and in its assignments.
/// </summary>
internal sealed class LeadHistoryReader(LeadHistoryStatements sql, OpsStatements ops)
{
    public async Task<LeadNow?> ReadAsync(DbConnection connection, DbTransaction transaction, string leadId, CancellationToken cancellationToken)
    {
        var lead = await connection.QuerySingleOrDefaultAsync<LeadRow>(
            new CommandDefinition(sql.SelectLeadNow, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        if (lead is null)
            return null;
        var assignments = await connection.QueryAsync<AssignmentRow>(
            new CommandDefinition(ops.SelectAssignmentsOfLead, new { LeadId = leadId }, transaction, cancellationToken: cancellationToken));
        return new LeadNow(lead.Status, lead.TeamId, lead.RepId,
            [.. assignments.Select(a => new LeadAssignment(a.TeamId, a.RepId, a.AssignedAt, a.EndedAt, a.Reason, a.Trace))]);
    }

    private sealed class LeadRow
    {
        public string Status { get; init; } = "";
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
    }

    private sealed class AssignmentRow
    {
        public string TeamId { get; init; } = "";
        public string RepId { get; init; } = "";
        public DateTimeOffset AssignedAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public string Reason { get; init; } = "";
        public string? Trace { get; init; }
    }
}
