using System.Data.Common;
using System.Text.Json;
using Dapper;
using NRules;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Leads;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Moves a stored lead away from a rep, the same way whoever asks (ops deactivating a rep, an SLA
/// breach): the lead is judged again by today's rules, a new owner is assigned on the routing state
/// of the caller's transaction, and the lead row and its assignments are rewritten.
/// </summary>
internal sealed class LeadOwnerMove(OpsStatements ops, LeadStatements leads, AssignmentContextLoader contexts, ISessionFactory assignmentRules)
{
    /// <summary>The new decision for the stored lead, never giving it back to <paramref name="fromRepId"/>.</summary>
    public async Task<Decision> DecideAsync(DbConnection connection, DbTransaction transaction, RoutingState state, RuleSet rules,
        StoredLeadRow lead, string fromRepId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evaluation = ReEvaluate(lead, rules);
        var context = await contexts.LoadAsync(connection, transaction, evaluation.Facts, now, withOpenLead: false, fromRepId, cancellationToken);
        return RepAssigner.Assign(evaluation, rules, state, context, assignmentRules);
    }

    /// <summary>
    /// Writes the lead's new owner, ends its open assignment and, when it has a rep, records the new one. Returns
    /// the move's trace: why it moved (<paramref name="why"/>, under <paramref name="reason"/>), then the decision's own.
    /// </summary>
    public async Task<IReadOnlyList<TraceEntry>> WriteAsync(DbConnection connection, DbTransaction transaction, string leadId, Decision decision,
        string reason, string fromRepId, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var trace = new List<TraceEntry>(decision.Trace.Count + 1) { new(TraceStages.Assign, reason, $"moved from rep {fromRepId}: {why}") };
        trace.AddRange(decision.Trace);
        await connection.ExecuteAsync(new CommandDefinition(ops.UpdateLeadOwner,
            new { Id = leadId, decision.RepId, decision.TeamId, decision.Status }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(ops.EndOpenAssignments, new { LeadId = leadId, EndedAt = now }, transaction, cancellationToken: cancellationToken));
        if (decision.RepId is null)
            return trace;
        await connection.ExecuteAsync(new CommandDefinition(leads.InsertAssignment, new
        {
            LeadId = leadId, decision.TeamId, decision.RepId, AssignedAt = now, Reason = reason,
            Trace = JsonSerializer.Serialize(trace, LeadStore.TraceJson),
        }, transaction, cancellationToken: cancellationToken));
        return trace;
    }

    /// <summary>Takes one open lead off the rep's counter.</summary>
    public static void Release(RoutingState state, string repId)
    {
        var rep = state.Rep(repId);
        rep.OpenLeads = Math.Max(0, rep.OpenLeads - 1);
        state.Touch(repId);
    }

    // The stored lead is re-read from its raw payload so it is judged by today's rules; it was
    // qualified once and keeps its team, so only the owner is decided again.
    private static Evaluation ReEvaluate(StoredLeadRow lead, RuleSet rules)
    {
        using var document = JsonDocument.Parse(lead.Payload);
        var input = LeadPayloadParser.Parse(document.RootElement, []) ?? throw new InvalidOperationException($"Stored lead {lead.Id} no longer parses.");
        var evaluation = LeadEvaluator.Evaluate(input, rules);
        var team = lead.TeamId is not null && rules.Teams.ContainsKey(lead.TeamId) ? lead.TeamId : evaluation.TeamId ?? rules.DefaultTeamId;
        return evaluation with { Qualified = true, Disqualified = false, TeamId = team, Trace = [] };
    }
}
