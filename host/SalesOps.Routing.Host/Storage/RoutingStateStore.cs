using System.Data.Common;
using System.Globalization;
using Dapper;
using SalesOps.Routing.Engine.Assignment;

namespace SalesOps.Routing.Host.Storage;

/// <summary>
/// Loads <see cref="RoutingState"/> inside a write transaction and writes back what changed. Every
/// path that assigns reps (ingest, reassignment, SLA breaches) goes through it, so the database
/// serializes them and two writers never see the same rotation. Views and dry runs read it with
/// <see cref="ReadAsync"/> instead, which takes none of those locks.
/// </summary>
internal sealed class RoutingStateStore(LeadStatements sql)
{
    public Task<RoutingState> LoadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        SelectAsync(sql.SelectRotationForUpdate, connection, transaction, cancellationToken);

    /// <summary>
    /// The state for a view or a dry run, which write nothing back: read without the locks that
    /// make writers wait for each other, so a dashboard refresh never holds up a commit.
    /// </summary>
    public Task<RoutingState> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        SelectAsync(sql.SelectRotation, connection, transaction, cancellationToken);

    private async Task<RoutingState> SelectAsync(string selectRotation, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rotation = await connection.QueryAsync<RotationRow>(new CommandDefinition(selectRotation, null, transaction, cancellationToken: cancellationToken));
        var reps = await connection.QueryAsync<RepStateRow>(new CommandDefinition(sql.SelectRepStates, null, transaction, cancellationToken: cancellationToken));
        return new RoutingState(rotation.Select(r => KeyValuePair.Create(r.TeamId, r.LastRepId)), reps.Select(r => r.ToState()));
    }

    /// <summary>
    /// Writes back the teams and reps the batch changed: one command per table with a row each, so
    /// each upsert is prepared once per batch rather than once per rep.
    /// </summary>
    public async Task SaveAsync(DbConnection connection, DbTransaction transaction, RoutingState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teams = state.ChangedTeams.Select(team => new { TeamId = team, LastRepId = state.LastRepOf(team), UpdatedAt = now }).ToList();
        if (teams.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(sql.UpsertRotation, teams, transaction, cancellationToken: cancellationToken));

        var reps = state.ChangedReps.Select(rep => new PrefixedParameters(new
        {
            rep.RepId,
            rep.Active,
            rep.OutOfOfficeFrom,
            rep.OutOfOfficeTo,
            rep.MaxOpenLeads,
            rep.MaxLeadsPerDay,
            rep.Weight,
            rep.OpenLeads,
            rep.AssignedToday,
            AssignedDay = rep.AssignedDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            rep.Credit,
            UpdatedAt = now,
        })).ToList();
        if (reps.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition(sql.UpsertRepState, reps, transaction, cancellationToken: cancellationToken));
    }

    private sealed record RotationRow(string TeamId, string LastRepId);

    private sealed class RepStateRow
    {
        public string RepId { get; init; } = "";
        public bool? Active { get; init; }
        public DateTimeOffset? OutOfOfficeFrom { get; init; }
        public DateTimeOffset? OutOfOfficeTo { get; init; }
        public int? MaxOpenLeads { get; init; }
        public int? MaxLeadsPerDay { get; init; }
        public int? Weight { get; init; }
        public int OpenLeads { get; init; }
        public int AssignedToday { get; init; }
        public string? AssignedDay { get; init; }
        public long Credit { get; init; }

        public RepState ToState() => new()
        {
            RepId = RepId, Active = Active, OutOfOfficeFrom = OutOfOfficeFrom, OutOfOfficeTo = OutOfOfficeTo,
            MaxOpenLeads = MaxOpenLeads, MaxLeadsPerDay = MaxLeadsPerDay, Weight = Weight, OpenLeads = OpenLeads,
            AssignedToday = AssignedToday, Credit = Credit,
            AssignedDay = AssignedDay is null ? null : DateOnly.ParseExact(AssignedDay[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
