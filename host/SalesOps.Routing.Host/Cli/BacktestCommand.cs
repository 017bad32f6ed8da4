using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SalesOps.Routing.Engine.Backtesting;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;
using SalesOps.Routing.Host.Storage.Sqlite;
using SalesOps.Routing.Rules;

namespace SalesOps.Routing.Host.Cli;

/// <summary>
/// <c>rules backtest [dir] --from T [--to T]</c>: replays the leads stored in the window through the
/// rule files in <c>dir</c> and prints what would change. Reads the database; writes nothing.
/// </summary>
internal static class BacktestCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var folder = new Argument<string?>("dir") { Description = "Draft rule folder (default: the folder the service loads).", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string>("--from") { Description = "Start of the window, an ISO 8601 instant (e.g. 2026-11-01T00:00:00Z).", Required = true };
        var to = new Option<string?>("--to") { Description = "End of the window, exclusive (default: now)." };
        var database = new Option<string?>("--database") { Description = "SQLite database file (default: ConnectionStrings:Routing)." };
        var examples = new Option<int>("--examples") { Description = "Examples shown per kind of change.", DefaultValueFactory = _ => BacktestRunner.DefaultExamples };
        var limit = new Option<int>("--limit") { Description = "Most leads replayed, oldest first.", DefaultValueFactory = _ => BacktestRunner.DefaultLimit };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON, as POST /api/rules/backtest returns it." };
        var command = new Command("backtest", "Replay stored leads of a time window through draft rule files and count what would change. Writes nothing.");
        command.Arguments.Add(folder);
        foreach (var option in new Option[] { from, to, database, examples, limit, json })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(context, new Request(parse.GetValue(folder), parse.GetValue(from)!, parse.GetValue(to),
            parse.GetValue(database), parse.GetValue(examples), parse.GetValue(limit), parse.GetValue(json)), cancellationToken));
        return command;
    }

    private sealed record Request(string? Folder, string From, string? To, string? Database, int Examples, int Limit, bool Json);

    private static async Task<int> RunAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        if (!TryInstant(request.From, out var from) || (request.To is not null && !TryInstant(request.To, out _)))
            return Usage(context, "--from and --to must be ISO 8601 instants such as 2026-11-01T00:00:00Z");
        var to = request.To is null ? TimeProvider.System.GetUtcNow() : Instant(request.To);
        if (from >= to)
            return Usage(context, "--to must be after --from");
        if (request.Examples is < 0 or > BacktestRunner.MaxExamples || request.Limit is < 1 or > BacktestRunner.MaxLimit)
            return Usage(context, $"--examples must be 0 to {BacktestRunner.MaxExamples} and --limit 1 to {BacktestRunner.MaxLimit}");

        var folder = request.Folder is null ? context.ConfiguredRuleFolder() : CliContext.FromCaller(request.Folder);
        RuleSet draft;
        try
        {
            draft = RuleSetBuilder.Build(RuleFolder.Read(folder));
        }
        catch (RuleSetException ex)
        {
            foreach (var error in ex.Errors)
                context.Output.WriteLine(ValidateCommand.Format(request.Folder ?? folder, error));
            context.Error.WriteLine($"{request.Folder ?? folder}: the draft rule set is invalid; nothing was replayed");
            return 1;
        }

        var connections = OpenDatabase(context, request.Database);
        if (connections is null)
            return 2;

        var duplicateWindow = TimeSpan.FromDays(context.Configuration.GetValue("Routing:DuplicateWindowDays", 30));
        var report = await BacktestRunner.RunAsync(new DecisionHistory(connections, SqliteDecisionHistorySql.Statements), AssignmentRules.Compile(),
            duplicateWindow, draft, from, to, request.Limit, request.Examples, cancellationToken);
        context.Output.WriteLine(request.Json ? JsonSerializer.Serialize(report, Json) : Describe(report));
        return 0;
    }

    private static SqliteConnectionFactory? OpenDatabase(CliContext context, string? database)
    {
        var connectionString = database is not null
            ? new SqliteConnectionStringBuilder { DataSource = CliContext.FromCaller(database) }.ToString()
            : context.Configuration.GetConnectionString("Routing") ?? "Data Source=data/routing.db";
        // Never create a database by looking for one.
        var existingOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();
        var factory = new SqliteConnectionFactory(existingOnly, context.ContentRoot);
        if (File.Exists(factory.DatabasePath))
            return factory;
        context.Error.WriteLine($"No database at {factory.DatabasePath}; give one with --database.");
        return null;
    }

    private static string Describe(BacktestResponse report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Backtest of rule set {report.DraftVersion} over {report.Leads} leads received {report.From:O} to {report.To:O}");
        if (report.Truncated)
            text.AppendLine("(the window holds more leads than --limit; only the oldest were replayed)");
        if (report.Skipped > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"({report.Skipped} stored leads could not be read and were skipped)");
        foreach (var (name, change) in new[] { ("team", report.Changes.Team), ("rep", report.Changes.Rep), ("qualification", report.Changes.Qualification), ("score", report.Changes.Score) })
            Append(text, name, change);
        text.Append(CultureInfo.InvariantCulture, $"unchanged: {report.Unchanged}");
        return text.ToString();
    }

    private static void Append(StringBuilder text, string name, BacktestChange change)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{name} changes: {change.Count}");
        foreach (var example in change.Examples)
            text.AppendLine(CultureInfo.InvariantCulture, $"  lead {example.LeadId} ({example.Source}/{example.ExternalId}): {example.Before ?? "(none)"} -> {example.After ?? "(none)"}");
    }

    private static int Usage(CliContext context, string message)
    {
        context.Error.WriteLine(message);
        return 2;
    }

    private static bool TryInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
