using System.Data.Common;
using System.Text.Json;
using Dapper;
using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Moves a lead whose owner let its first-touch clock run out to the next eligible rep, through the
/// same assignment rules (eligibility, distribution, fallback) as a new lead, inside the caller's
/// transaction and on the routing state loaded in it.
/// </summary>
internal sealed class SlaLeadMover(OpsStatements ops, LeadStatements leads, AssignmentContextLoader contexts, ISessionFactory assignmentRules)
{
    /// <summary>The new owner's decision, or null when nobody but the current owner can take the lead (then nothing changed).</summary>
    public async Task<Decision?> TryMoveAsync(DbConnection connection, DbTransaction transaction, RoutingState state, RuleSet rules,
        string leadId, string fromRepId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await connection.QuerySingleOrDefaultAsync<LeadRow>(
            new CommandDefinition(ops.SelectLeadForUpdate, new { Id = leadId }, transaction, cancellationToken: cancellationToken));
        if (lead is not { Status: LeadStatus.Assigned } || !string.Equals(lead.RepId, fromRepId, StringComparison.OrdinalIgnoreCase))
            return null;

        var evaluation = ReEvaluate(lead, rules);
        var context = await contexts.LoadAsync(connection, transaction, evaluation.Facts, now, null, fromRepId, cancellationToken) with { OpenLead = null };
        var decision = RepAssigner.Assign(evaluation, rules, state, context, assignmentRules);
        if (decision.RepId is null)
            return null;

        var from = state.Rep(fromRepId);
        from.OpenLeads = Math.Max(0, from.OpenLeads - 1);
        state.Touch(fromRepId);
        var trace = new List<TraceEntry> { new(TraceStages.Assign, "sla-breach", $"moved from rep {fromRepId}: first-touch clock ran out") };
        trace.AddRange(decision.Trace);
        await connection.ExecuteAsync(new CommandDefinition(ops.UpdateLeadOwner,
            new { Id = leadId, decision.RepId, decision.TeamId, decision.Status }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ops.EndOpenAssignments, new { LeadId = leadId, EndedAt = now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(leads.InsertAssignment, new
        {
            LeadId = leadId, decision.TeamId, decision.RepId, AssignedAt = now, Reason = "sla-breach",
            Trace = JsonSerializer.Serialize(trace, LeadStore.TraceJson),
        }, transaction, cancellationToken: cancellationToken));
        return decision;
    }

    // As an ops reassignment does: the stored lead is judged again from its raw payload by today's
    // rules; it was qualified once and keeps its team, so only the owner is decided again.
    private static Evaluation ReEvaluate(LeadRow lead, RuleSet rules)
    {
        using var document = JsonDocument.Parse(lead.Payload);
        var input = LeadPayloadParser.Parse(document.RootElement, []) ?? throw new InvalidOperationException($"Stored lead {lead.Id} no longer parses.");
        var evaluation = LeadEvaluator.Evaluate(input, rules);
        var team = lead.TeamId is not null && rules.Teams.ContainsKey(lead.TeamId) ? lead.TeamId : evaluation.TeamId ?? rules.DefaultTeamId;
        return evaluation with { Qualified = true, Disqualified = false, TeamId = team, Trace = [] };
    }

    private sealed class LeadRow
    {
        public string Id { get; init; } = "";
        public string Payload { get; init; } = "";
        public string Status { get; init; } = "";
        public string? TeamId { get; init; }
        public string? RepId { get; init; }
    }
}
