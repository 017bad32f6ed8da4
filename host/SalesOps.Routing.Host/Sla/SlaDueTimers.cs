using System.Data.Common;
using Dapper;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Finds one batch of what has come due, breaches and warnings together, oldest instant first, each
/// by its own due-time index, so a sweep costs the same per due timer however many clocks are open.
/// </summary>
internal sealed class SlaDueTimers(SlaStatements sql)
{
    /// <summary>
    /// True when a warning or breach is due at <paramref name="now"/>. Read outside any transaction,
    /// so a sweep that finds nothing never takes the database's write lock from the lead writer.
    /// </summary>
    public async Task<bool> AnyDueAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(sql.SelectNextDue, cancellationToken: cancellationToken)) is { } next
        && next <= now;

    public async Task<List<SlaDueTimer>> FindAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, int take,
        CancellationToken cancellationToken)
    {
        var parameters = new { Now = now, Take = take };
        var breaches = await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectDueBreaches, parameters, transaction, cancellationToken: cancellationToken));
        var warnings = await connection.QueryAsync<SlaTimerRow>(new CommandDefinition(sql.SelectDueWarnings, parameters, transaction, cancellationToken: cancellationToken));
        return [.. breaches.Select(row => new SlaDueTimer(row.DueAt, row, IsBreach: true))
            .Concat(warnings.Select(row => new SlaDueTimer(row.WarnAt, row, IsBreach: false)))
            .OrderBy(due => due.At).ThenBy(due => due.Row.Id, StringComparer.Ordinal)
            .Take(take)];
    }
}
