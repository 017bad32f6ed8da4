using System.Data.Common;
using Dapper;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Moves a lead whose owner let its first-touch clock run out to the next eligible rep, through the
/// same assignment rules (eligibility, distribution, fallback) as a new lead, inside the caller's
/// transaction and on the routing state loaded in it.
/// </summary>
internal sealed class SlaLeadMover(OpsStatements ops, LeadOwnerMove move)
{
    /// <summary>The new owner's decision, or null when nobody but the current owner can take the lead (then nothing changed).</summary>
    public async Task<Decision?> TryMoveAsync(DbConnection connection, DbTransaction transaction, RoutingState state, RuleSet rules,
        string leadId, string fromRepId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await connection.QuerySingleOrDefaultAsync<StoredLeadRow>(
            new CommandDefinition(ops.SelectLeadForUpdate, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        if (lead is not { Status: LeadStatus.Assigned } || !string.Equals(lead.RepId, fromRepId, StringComparison.OrdinalIgnoreCase))
            return null;

        var decision = await move.DecideAsync(connection, transaction, state, rules, lead, fromRepId, now, cancellationToken);
        if (decision.RepId is null)
            return null;

        LeadOwnerMove.Release(state, fromRepId);
        await move.WriteAsync(connection, transaction, leadId, decision, "sla-breach", fromRepId, "first-touch clock ran out", now, cancellationToken);
        return decision;
    }
}
