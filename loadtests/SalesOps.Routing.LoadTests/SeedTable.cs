using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SalesOps.Routing.LoadTests;

/// <summary>
/// The leads table or one that refers to it, as the host's migrations made it: its columns (less a
/// row number SQLite assigns itself) and the column holding the lead's id. Read from the schema, so
/// a table or column added later is copied too.
/// </summary>
internal sealed class SeedTable(string name, string leadColumn, IReadOnlyList<string> columns, IReadOnlyList<string> references)
{
    public string Name { get; } = name;

    public string LeadColumn { get; } = leadColumn;

    /// <summary>The tables this one's foreign keys point at.</summary>
    public IReadOnlyList<string> References { get; } = references;

    /// <summary>The leads table first, then every table after the tables it refers to, so copies insert in order.</summary>
    public static async Task<IReadOnlyList<SeedTable>> ReferencingLeadsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var foreignKeys = await RowsAsync(connection, """
            SELECT m.name AS owner, f."from" AS column_name, f."table" AS target
            FROM sqlite_master m, pragma_foreign_key_list(m.name) f
            WHERE m.type = 'table'
            """, cancellationToken);
        var owners = foreignKeys.Where(k => (string)k["target"]! == "leads").Select(k => ((string)k["owner"]!, (string)k["column_name"]!)).Distinct().ToList();
        var tables = new List<SeedTable> { await ReadAsync(connection, "leads", "id", [], cancellationToken) };
        foreach (var (owner, column) in owners)
        {
            var references = foreignKeys.Where(k => (string)k["owner"]! == owner).Select(k => (string)k["target"]!).Distinct().ToList();
            tables.Add(await ReadAsync(connection, owner, column, references, cancellationToken));
        }

        var ordered = new List<SeedTable>();
        while (tables.Count > 0)
        {
            var next = tables.FirstOrDefault(t => t.References.All(r => r == t.Name || ordered.Any(o => o.Name == r) || tables.All(x => x.Name != r)))
                ?? throw new InvalidOperationException("The tables that refer to leads refer to each other in a cycle.");
            ordered.Add(next);
            tables.Remove(next);
        }

        return ordered;
    }

    public async Task<IReadOnlyList<Dictionary<string, object?>>> ReadAsync(SqliteConnection connection, string leadId, CancellationToken cancellationToken) =>
        await RowsAsync(connection, $"SELECT {string.Join(", ", columns)} FROM {Name} WHERE {LeadColumn} = @LeadId ORDER BY rowid", cancellationToken, ("@LeadId", leadId));

    public SqliteCommand PrepareInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Count; i++)
            command.Parameters.Add(new SqliteParameter($"@p{i}", DBNull.Value));
        return command;
    }

    public Task InsertAsync(SqliteCommand insert, IReadOnlyDictionary<string, object?> row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < columns.Count; i++)
            insert.Parameters[i].Value = row[columns[i]] ?? DBNull.Value;
        return insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An instant as the host stores it in SQLite: UTC text.</summary>
    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static async Task<SeedTable> ReadAsync(SqliteConnection connection, string table, string leadColumn, IReadOnlyList<string> references,
        CancellationToken cancellationToken)
    {
        var info = await RowsAsync(connection, "SELECT name, type, pk FROM pragma_table_info(@Table)", cancellationToken, ("@Table", table));
        var rowNumber = info.Count(c => (long)c["pk"]! > 0) == 1
            ? info.Where(c => (long)c["pk"]! == 1 && string.Equals((string)c["type"]!, "INTEGER", StringComparison.OrdinalIgnoreCase)).Select(c => (string)c["name"]!).FirstOrDefault()
            : null;
        return new SeedTable(table, leadColumn, [.. info.Select(c => (string)c["name"]!).Where(c => c != rowNumber)], references);
    }

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameterName, value) in parameters)
            command.Parameters.AddWithValue(parameterName, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }
}
