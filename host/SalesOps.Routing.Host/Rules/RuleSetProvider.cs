using System.Diagnostics;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Dashboard;
using SalesOps.Routing.Host.Storage;

namespace SalesOps.Routing.Host.Rules;

/// <summary>
/// Holds the live rule set. Readers take <see cref="Current"/> once per request; a reload builds a
/// complete new set, stores its version, and only then swaps the one reference, so no request sees
/// half of one set and half of another, and a bad edit never replaces a good set.
/// </summary>
internal sealed partial class RuleSetProvider(
    IOptions<RulesOptions> options,
    IHostEnvironment environment,
    IRuleVersionStore versions,
    DashboardEventHub dashboard,
    TimeProvider clock,
    ILogger<RuleSetProvider> logger)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private Live? _live;
    private RuleSetRefusal? _lastError;
    private Prebuilt? _prebuilt;

    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    public RuleSet Current => Volatile.Read(ref _live)?.Rules ?? throw new InvalidOperationException("No rule set is loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _live) is not null;

    public RuleSetStatus Status
    {
        get
        {
            var live = Volatile.Read(ref _live);
            return new RuleSetStatus(live?.Rules.Version, live?.LoadedAt, Folder, Volatile.Read(ref _lastError));
        }
    }

    /// <summary>
    /// Starts validating and compiling the folder's files on the thread pool; nothing goes live here.
    /// Called as the service starts, so the first <see cref="ReloadAsync"/> finds the work done while
    /// storage was migrated and the assignment rules compiled: on two cores, about a second of a
    /// three-second start. A reload whose files differ by then builds them itself.
    /// </summary>
    public void Prebuild()
    {
        try
        {
            var files = RuleFolder.Read(Folder);
            Volatile.Write(ref _prebuilt, new Prebuilt(RuleSetBuilder.VersionOf(files), Task.Run(() => RuleSetBuilder.Build(files))));
        }
        catch (Exception ex) when (ex is RuleSetException or IOException or UnauthorizedAccessException)
        {
            // The reload reads the folder again and reports this with its errors.
        }
    }

    /// <summary>Reads the folder and makes its content the live version if it is new and valid. Reloads run one at a time.</summary>
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyDictionary<string, string> files;
            try
            {
                files = RuleFolder.Read(Folder);
            }
            catch (Exception ex) when (ex is RuleSetException or IOException or UnauthorizedAccessException)
            {
                var errors = ex is RuleSetException invalid ? invalid.Errors : [new RuleSetError(Folder, null, null, ex.Message)];
                return Refuse(ReloadOutcome.Invalid, "", "The rule folder could not be read.", errors);
            }

            var version = RuleSetBuilder.VersionOf(files);
            if (Volatile.Read(ref _live)?.Rules.Version == version)
            {
                Volatile.Write(ref _lastError, null);
                return new ReloadResult(ReloadOutcome.Unchanged, version, []);
            }

            RuleSet rules;
            var building = Stopwatch.GetTimestamp();
            try
            {
                rules = Interlocked.Exchange(ref _prebuilt, null) is { } prebuilt && prebuilt.Version == version
                    ? await prebuilt.Rules
                    : RuleSetBuilder.Build(files);
            }
            catch (RuleSetException ex)
            {
                return Refuse(ReloadOutcome.Invalid, version, "The rule files are invalid.", ex.Errors);
            }

            var now = clock.GetUtcNow();
            try
            {
                await versions.RecordActivationAsync(rules.Version, rules.Files, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotStored(ex, rules.Version);
                return Refuse(ReloadOutcome.Failed, version, $"The new version could not be stored, so it was not activated: {ex.Message}", []);
            }

            Volatile.Write(ref _live, new Live(rules, now));
            Volatile.Write(ref _lastError, null);
            dashboard.Publish(new DashboardEvent("rules.activated", null, null, null, now));
            LogActivated(rules.Version, Folder, rules.Teams.Count, rules.Scoring.Count + rules.Qualification.Count + rules.Routing.Count,
                Stopwatch.GetElapsedTime(building).TotalMilliseconds);
            return new ReloadResult(ReloadOutcome.Activated, rules.Version, []);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private ReloadResult Refuse(ReloadOutcome outcome, string version, string message, IReadOnlyList<RuleSetError> errors)
    {
        Volatile.Write(ref _lastError, new RuleSetRefusal(clock.GetUtcNow(), version, message, errors));
        LogRefused(Folder, Volatile.Read(ref _live)?.Rules.Version ?? "(none)", message,
            string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        return new ReloadResult(outcome, version, errors);
    }

    private sealed record Live(RuleSet Rules, DateTimeOffset LoadedAt);

    private sealed record Prebuilt(string Version, Task<RuleSet> Rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule set {RuleSetVersion} active from {RuleFolder}: {TeamCount} teams, {RuleCount} rules, validated and compiled, ready {Milliseconds:0} ms after it was needed")]
    private partial void LogActivated(string ruleSetVersion, string ruleFolder, int teamCount, int ruleCount, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule files in {RuleFolder} refused; version {RuleSetVersion} keeps routing. {Reason}\n{Errors}")]
    private partial void LogRefused(string ruleFolder, string ruleSetVersion, string reason, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule set {RuleSetVersion} could not be stored")]
    private partial void LogNotStored(Exception exception, string ruleSetVersion);
}
