using System.Data.Common;
using Dapper;

namespace SalesOps.Routing.Host.Sla;

/// <summary>
/// Finds one batch of what has come due, breaches and warnings together, oldest instant first, each
/// by its own due-time index, so a sweep costs the same per due timer however many clocks are open.
/// </summary>
internal sealed class SlaDueTimers(SlaStatements sql)
{
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
