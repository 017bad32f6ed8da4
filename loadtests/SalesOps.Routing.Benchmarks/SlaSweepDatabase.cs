using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Engine.Assignment;
using SalesOps.Routing.Engine.Decisions;
using SalesOps.Routing.Engine.Leads;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Engine.Sla;
using SalesOps.Routing.Host.Sla;
using SalesOps.Routing.Host.Sla.Sqlite;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Benchmarks;

/// <summary>
/// A SQLite file made by the host's own migrations, holding open first-touch clocks that are not due
/// and a fixed number that are, each with its lead. Rows are the host's: a timer the engine started
/// under the sample rules, written with the host's insert statements; only ids and instants differ.
/// A file is built once per size and schema and kept (under <c>ROUTING_BENCH_DATA</c>, default the
/// temp folder), because building a million rows takes far longer than measuring the sweep on them.
/// </summary>
internal static class SlaSweepDatabase
{
    /// <summary>The instant every benchmark sweeps at; the file's due rows are due before it, the others long after.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private const int RowsPerTransaction = 50_000;
    private static readonly TimeSpan DueWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan OpenWindow = TimeSpan.FromDays(30);
    private static readonly PropertyInfo[] TimerColumns = typeof(SlaTimerRow).GetProperties(BindingFlags.Instance | BindingFlags.Public);

    private const string Payload = """
        {"externalId":"bench-template","source":"hubspot","email":"jane.doe@acme-robotics.example","firstName":"Jane","lastName":"Doe",
        "title":"VP Sales","company":"Acme Robotics GmbH","country":"Germany","employees":1200,"leadSource":"demo-request"}
        """;

    public static string Ensure(int openTimers, int dueBreaches, int dueWarnings)
    {
        var folder = Environment.GetEnvironmentVariable("ROUTING_BENCH_DATA") ?? Path.Combine(Path.GetTempPath(), "salesops-bench");
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"sla-sweep-{openTimers}-{dueBreaches}-{dueWarnings}-{SchemaHash()}.db"));
        if (File.Exists(path))
            return path;

        Directory.CreateDirectory(folder);
        var building = path + ".building";
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { building, building + "-wal", building + "-shm" })
            File.Delete(file);
        new SqliteConnectionFactory($"Data Source={building}", folder).Initialize(MigrationMode.Apply);
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={building};Pooling=False"))
        {
            connection.Open();
            Execute(connection, "PRAGMA synchronous = OFF;");
            var template = TemplateTimer();
            var rows = Rows(openTimers, dueBreaches, dueWarnings).GetEnumerator();
            for (var more = true; more;)
            {
                using var transaction = connection.BeginTransaction();
                using var lead = Prepare(connection, transaction, SqliteLeadSql.Statements.InsertLead, "Id", "Source", "ExternalId", "ReceivedAt", "Email", "Status", "TeamId", "RepId", "Payload");
                using var timer = Prepare(connection, transaction, SqliteSlaSql.Statements.InsertTimer, [.. TimerColumns.Select(p => p.Name), "UpdatedAt"]);
                for (var n = 0; n < RowsPerTransaction && (more = rows.MoveNext()); n++)
                    Insert(lead, timer, template, rows.Current);
                transaction.Commit();
            }

            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    // Due breaches have warned already, as a clock near its deadline has; due warnings are still running.
    private static IEnumerable<(int Number, string State, DateTimeOffset WarnAt, DateTimeOffset DueAt)> Rows(int open, int dueBreaches, int dueWarnings)
    {
        for (var i = 0; i < dueBreaches; i++)
        {
            var due = Now - DueWindow + (DueWindow * ((double)i / dueBreaches));
            yield return (i, SlaTimerStates.Warning, due - TimeSpan.FromHours(1), due);
        }

        for (var i = 0; i < dueWarnings; i++)
        {
            var warn = Now - DueWindow + (DueWindow * ((double)i / dueWarnings));
            yield return (dueBreaches + i, SlaTimerStates.Running, warn, warn + TimeSpan.FromHours(1));
        }

        for (var i = 0; i < open; i++)
        {
            var due = Now + TimeSpan.FromHours(2) + (OpenWindow * ((double)i / open));
            yield return (dueBreaches + dueWarnings + i, SlaTimerStates.Running, due - TimeSpan.FromHours(1), due);
        }
    }

    private static void Insert(SqliteCommand lead, SqliteCommand timer, SlaTimerRow template, (int Number, string State, DateTimeOffset WarnAt, DateTimeOffset DueAt) row)
    {
        var leadId = Guid.CreateVersion7(row.DueAt - TimeSpan.FromHours(4)).ToString();
        var startedAt = row.WarnAt - TimeSpan.FromHours(3);
        lead.Parameters["@Id"].Value = leadId;
        lead.Parameters["@Source"].Value = "hubspot";
        lead.Parameters["@Payload"].Value = Payload;
        lead.Parameters["@ExternalId"].Value = $"bench-{row.Number}";
        lead.Parameters["@ReceivedAt"].Value = startedAt;
        lead.Parameters["@Email"].Value = $"jane.doe.{row.Number}@acme-robotics.example";
        lead.Parameters["@Status"].Value = "assigned";
        lead.Parameters["@TeamId"].Value = (object?)template.TeamId ?? DBNull.Value;
        lead.Parameters["@RepId"].Value = (object?)template.RepId ?? DBNull.Value;
        lead.ExecuteNonQuery();

        foreach (var column in TimerColumns)
        {
            var value = column.GetValue(template);
            timer.Parameters["@" + column.Name].Value = value is DateTimeOffset instant ? instant.ToUniversalTime() : value ?? DBNull.Value;
        }

        timer.Parameters["@Id"].Value = Guid.CreateVersion7(startedAt).ToString();
        timer.Parameters["@LeadId"].Value = leadId;
        timer.Parameters["@State"].Value = row.State;
        timer.Parameters["@StartedAt"].Value = startedAt;
        timer.Parameters["@WarnAt"].Value = row.WarnAt;
        timer.Parameters["@DueAt"].Value = row.DueAt;
        timer.Parameters["@WarnedAt"].Value = row.State == SlaTimerStates.Warning ? row.WarnAt : DBNull.Value;
        timer.Parameters["@UpdatedAt"].Value = row.State == SlaTimerStates.Warning ? row.WarnAt : startedAt;
        timer.ExecuteNonQuery();
    }

    /// <summary>The clock the host starts for the sample hot DACH lead: its policy, terms, calendar, team and rep.</summary>
    private static SlaTimerRow TemplateTimer()
    {
        var rules = RuleSetBuilder.Build(BenchmarkRules.SampleFiles());
        var evaluation = LeadEvaluator.Evaluate(SampleLead(), rules);
        var decision = RepAssigner.Assign(evaluation, rules, new RoutingState([]), new AssignmentContext(Now, []), AssignmentRules.Compile());
        var rep = rules.Teams[decision.TeamId!].Reps.First(r => r.Id == decision.RepId);
        var plan = rules.Sla.PlanFirstTouch(evaluation.Facts, decision.TeamId, rep, rules.Version)
            ?? throw new InvalidOperationException("The sample rules start no first-touch clock for the sample lead.");
        var timer = SlaTimer.Start(plan, Now, rules.Sla.CalendarOrAlwaysOpen(plan.CalendarKey));
        return SlaTimerRow.New(Guid.CreateVersion7(Now).ToString(), "template", timer, plan.Terms);
    }

    private static LeadInput SampleLead() => new()
    {
        ExternalId = "bench-template", Source = "hubspot", Email = "jane.doe@acme-robotics.example", FirstName = "Jane", LastName = "Doe",
        Title = "VP Sales", Company = "Acme Robotics GmbH", Country = "Germany", Employees = 1200, LeadSource = "demo-request",
    };

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter("@" + name, DBNull.Value));
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The host's SQLite migrations, so a schema change builds a new file instead of measuring an old one.</summary>
    private static string SchemaHash()
    {
        var assembly = typeof(SqliteSlaSql).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Sql.Sqlite.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            hash.AppendData(memory.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
