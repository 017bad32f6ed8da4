using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// Makes many leads out of a few the host routed itself. A copy is the template's rows in every
/// table that refers to the lead (found through the schema's foreign keys: lead, decision,
/// assignment, SLA timer, outbox events, and whatever is added later) with new ids, a unique key
/// and e-mail, and every instant shifted so that its first-touch deadline falls where asked. The
/// templates are removed, the reps' counters are moved as routing those leads would have moved
/// them, and it is all one transaction on the stopped host's database.
/// </summary>
internal static class SlaStormSeeder
{
    private const int CalibrationCopies = 500;

    /// <summary>
    /// Copies the host's warned first-touch clocks to <paramref name="count"/> leads due from the
    /// instant <paramref name="dueAfterSeeding"/> names (given how long seeding is expected to take,
    /// from a trial copy rolled back), spread over <paramref name="spread"/>.
    /// </summary>
    public static async Task<SeededTimers> SeedAsync(string databasePath, int count, Func<TimeSpan, DateTimeOffset> dueAfterSeeding, TimeSpan spread,
        CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        var tables = await SeedTable.ReferencingLeadsAsync(connection, cancellationToken);
        var templates = await TemplatesAsync(connection, tables, cancellationToken);
        if (templates.Count == 0)
            throw new InvalidOperationException("No lead has a warned first-touch clock to copy.");

        var trial = Math.Min(count, CalibrationCopies);
        var started = TimeProvider.System.GetTimestamp();
        await using (var calibration = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            await CopyAsync(connection, calibration, tables, templates, trial, TimeProvider.System.GetUtcNow().AddDays(1), spread, cancellationToken);
            await calibration.RollbackAsync(cancellationToken);
        }

        var dueFrom = dueAfterSeeding(TimeProvider.System.GetElapsedTime(started) * ((double)count / trial));
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var (timerIds, repDelta) = await CopyAsync(connection, transaction, tables, templates, count, dueFrom, spread, cancellationToken);

        foreach (var table in tables.Reverse())
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table.Name} WHERE {table.LeadColumn} = @LeadId";
            var leadId = delete.Parameters.Add("@LeadId", SqliteType.Text);
            foreach (var template in templates)
            {
                leadId.Value = template.LeadId;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var template in templates.Where(t => t.RepId is not null))
            repDelta[template.RepId!] = repDelta.GetValueOrDefault(template.RepId!) - 1;
        foreach (var (repId, delta) in repDelta)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE rep_state SET open_leads = open_leads + @Delta, assigned_today = assigned_today + @Delta WHERE rep_id = @RepId";
            update.Parameters.AddWithValue("@Delta", delta);
            update.Parameters.AddWithValue("@RepId", repId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new SeededTimers(timerIds, templates.Count);
    }

    private static async Task<(List<string> TimerIds, Dictionary<string, int> RepDelta)> CopyAsync(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<SeedTable> tables, List<TemplateLead> templates, int count, DateTimeOffset dueFrom, TimeSpan spread, CancellationToken cancellationToken)
    {
        var inserts = tables.ToDictionary(t => t.Name, t => t.PrepareInsert(connection, transaction));
        var timerIds = new List<string>(count);
        var repDelta = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var template = templates[i % templates.Count];
            var copy = new LeadCopy(template, i, dueFrom + (spread * ((double)i / count)) - template.DueAt);
            foreach (var table in tables)
            {
                foreach (var row in template.Rows[table.Name])
                    await table.InsertAsync(inserts[table.Name], copy.Rewrite(table.Name, row), cancellationToken);
            }

            timerIds.Add(copy.TimerId);
            if (template.RepId is { } repId)
                repDelta[repId] = repDelta.GetValueOrDefault(repId) + 1;
        }

        foreach (var command in inserts.Values)
            await command.DisposeAsync();
        return (timerIds, repDelta);
    }

    // Only leads whose one clock has warned and not yet breached: copies of those come due as breaches, not as warnings.
    private static async Task<List<TemplateLead>> TemplatesAsync(SqliteConnection connection, IReadOnlyList<SeedTable> tables, CancellationToken cancellationToken)
    {
        var ids = new List<(string LeadId, string DueAt)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT t.lead_id, t.due_at FROM sla_timers t
                WHERE t.kind = 'first-touch' AND t.cycle = 1 AND t.state = 'warning'
                  AND (SELECT COUNT(*) FROM sla_timers o WHERE o.lead_id = t.lead_id) = 1
                ORDER BY t.lead_id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                ids.Add((reader.GetString(0), reader.GetString(1)));
        }

        var templates = new List<TemplateLead>();
        foreach (var (leadId, dueAt) in ids)
        {
            var rows = new Dictionary<string, IReadOnlyList<Dictionary<string, object?>>>(StringComparer.Ordinal);
            foreach (var table in tables)
                rows[table.Name] = await table.ReadAsync(connection, leadId, cancellationToken);
            var lead = rows["leads"].Single();
            templates.Add(new TemplateLead(leadId, lead["rep_id"] as string, SeedTable.ParseInstant(dueAt), rows));
        }

        return templates;
    }
}
