namespace SalesOps.Routing.Engine.Sla;

public sealed partial class SlaRules
{
    /// <summary>
    /// Works through a policy's breach actions in order. Notify collects recipients; reassign moves
    /// the lead to the team's next eligible rep and ends the list (the new owner gets a fresh clock),
    /// unless the clock is not a first-touch clock, the lead was already moved
    /// <see cref="SlaBreachAction.MaxTimes"/> times, or no other rep can take it, in which case the
    /// list goes on; escalate names the team's manager (else the escalation queue) or a queue.
    /// </summary>
    /// <param name="onBreach">The actions the timer's terms hold.</param>
    /// <param name="timer">The clock that ran out.</param>
    /// <param name="reassignmentsSoFar">How many times the lead was already moved on by a breach.</param>
    /// <param name="canReassign">
    /// False once the caller found that the normal distribution has no other eligible rep: plan again
    /// with false after a plan to reassign could not be carried out.
    /// </param>
    public SlaBreachPlan PlanBreach(IReadOnlyList<SlaBreachAction> onBreach, SlaTimer timer, int reassignmentsSoFar, bool canReassign = true)
    {
        var notify = new List<string>();
        var steps = new List<string>();
        string? escalateTo = null;
        foreach (var action in onBreach)
        {
            switch (action.Action)
            {
                case SlaActions.Notify:
                    foreach (var to in action.To)
                    {
                        if (Recipient(to, timer) is { } recipient && !notify.Contains(recipient))
                            notify.Add(recipient);
                    }

                    steps.Add($"notify {string.Join(", ", notify)}");
                    break;
                case SlaActions.Reassign when timer.Kind != SlaTargetKinds.FirstTouch:
                    steps.Add($"reassign skipped: only {SlaTargetKinds.FirstTouch} clocks move a lead");
                    break;
                case SlaActions.Reassign when reassignmentsSoFar >= action.MaxTimes:
                    steps.Add($"reassign skipped: already reassigned {reassignmentsSoFar} of at most {action.MaxTimes} times");
                    break;
                case SlaActions.Reassign when !canReassign:
                    steps.Add($"reassign skipped: no other eligible rep in team {timer.TeamId}");
                    break;
                case SlaActions.Reassign:
                    steps.Add($"reassign to the next eligible rep ({reassignmentsSoFar + 1} of at most {action.MaxTimes})");
                    return new SlaBreachPlan(notify, true, escalateTo, steps);
                case SlaActions.Escalate when escalateTo is not null:
                    break;
                case SlaActions.Escalate:
                    escalateTo = EscalationTarget(action, timer.TeamId);
                    steps.Add(escalateTo is null ? $"escalate skipped: team {timer.TeamId} has no manager and there is no escalation queue" : $"escalate to {escalateTo}");
                    break;
            }
        }

        return new SlaBreachPlan(notify, false, escalateTo, steps);
    }

    private string? Recipient(string to, SlaTimer timer) => to switch
    {
        SlaActions.Rep => timer.RepId is null ? null : $"{SlaActions.Rep}:{timer.RepId}",
        SlaActions.Team => timer.TeamId is null ? null : $"{SlaActions.Team}:{timer.TeamId}",
        SlaActions.Manager => ManagerOf(timer.TeamId) is { } manager ? $"{SlaActions.Manager}:{manager}" : null,
        _ => null,
    };

    private string? EscalationTarget(SlaBreachAction action, string? teamId)
    {
        var to = action.To.Count > 0 ? action.To[0] : SlaActions.Manager;
        if (to != SlaActions.Manager)
            return to;
        if (ManagerOf(teamId) is { } manager)
            return $"{SlaActions.Manager}:{manager}";
        return EscalationQueue is null ? null : SlaActions.QueuePrefix + EscalationQueue;
    }
}
