using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SalesOps.Routing.Host.Rules;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Routing;

/// <summary>
/// Loads <c>accounts.csv</c> from the rule folder into the account table at start. Rows naming an
/// unknown owner are reported with their line and skipped; accounts added through the API stay.
/// </summary>
internal sealed partial class AccountSeeder(RuleSetProvider rules, RoutingOpsStore store, ILogger<AccountSeeder> logger) : IHostedService
{
    public const string FileName = "accounts.csv";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(rules.Folder, FileName);
        if (!File.Exists(path))
            return;

        var accounts = new List<AccountEntry>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = args => args.Header.ToLowerInvariant(),
        };
        using (var reader = new StreamReader(path))
        using (var csv = new CsvReader(reader, configuration))
        {
            try
            {
                await foreach (var row in csv.GetRecordsAsync<AccountCsvRow>(cancellationToken))
                {
                    var line = csv.Parser.RawRow;
                    if (string.IsNullOrEmpty(row.Owner) || !rules.Current.Reps.TryGetValue(row.Owner, out var owner))
                        LogUnknownOwner(FileName, line, row.Owner);
                    else if (string.IsNullOrEmpty(row.Domain) && string.IsNullOrEmpty(row.Company))
                        LogEmptyRow(FileName, line);
                    else
                        accounts.Add(new AccountEntry(row.Domain, string.IsNullOrEmpty(row.Company) ? row.Domain! : row.Company, owner.Id));
                }
            }
            catch (CsvHelperException ex)
            {
                // A broken accounts file must not stop leads flowing; the rows read so far still count.
                LogUnreadable(ex, FileName, csv.Parser.RawRow);
            }
        }

        await store.UpsertAccountsAsync(accounts, "file", cancellationToken);
        LogSeeded(accounts.Count, FileName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}:{Line}: owner '{Owner}' is not a rep of the active rule set; row skipped")]
    private partial void LogUnknownOwner(string file, int line, string? owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}:{Line}: a row needs a domain or a company; row skipped")]
    private partial void LogEmptyRow(string file, int line);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}:{Line}: the file cannot be read past this line; expected the header domain,company,owner")]
    private partial void LogUnreadable(Exception exception, string file, int line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {AccountCount} accounts from {File}")]
    private partial void LogSeeded(int accountCount, string file);

    private sealed class AccountCsvRow
    {
        public string? Domain { get; set; }
        public string Company { get; set; } = "";
        public string Owner { get; set; } = "";
    }
}
