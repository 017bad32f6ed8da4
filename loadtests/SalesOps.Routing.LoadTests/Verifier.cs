using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Checks through the database, after the host has stopped, that every acknowledged lead is stored
/// exactly once, and that every lead acknowledged as assigned has its assignment.
/// </summary>
internal static class Verifier
{
    public static async Task<Verification> VerifyAsync(string databasePath, AckedLeads acked, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        var stored = (await connection.QueryAsync<string>("SELECT id FROM leads")).ToHashSet(StringComparer.Ordinal);
        var withAssignment = (await connection.QueryAsync<string>("SELECT DISTINCT lead_id FROM assignments")).ToHashSet(StringComparer.Ordinal);
        var duplicateKeys = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT source, external_id FROM leads GROUP BY source, external_id HAVING COUNT(*) > 1)");

        var missing = acked.All.Count(l => !stored.Contains(l.Id));
        var unassigned = acked.All.Count(l => l.Status == "assigned" && !withAssignment.Contains(l.Id));
        var ackedTwice = acked.All.Count - acked.All.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count();
        return new Verification(acked.All.Count, stored.Count, missing, duplicateKeys, unassigned, ackedTwice);
    }
}

/// <summary>The verdict: nothing acknowledged may be missing, duplicated or without its assignment.</summary>
internal sealed record Verification(long Acknowledged, long StoredRows, long Missing, long DuplicateKeys, long AssignedWithoutAssignment, long AcknowledgedTwice)
{
    public bool Passed => Missing == 0 && DuplicateKeys == 0 && AssignedWithoutAssignment == 0;
}
