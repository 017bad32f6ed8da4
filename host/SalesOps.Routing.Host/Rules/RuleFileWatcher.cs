using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>
/// Reloads the rule set when its files change. A file-system watcher reacts at once; a poll of the
/// files' content hash catches what the watcher misses (network and container file systems drop
/// events). Files must stay unchanged for a short settle time before they are read, so an editor's
/// half-written save is not mistaken for a broken rule set.
/// </summary>
internal sealed partial class RuleFileWatcher(
    RuleSetProvider provider,
    IOptions<RulesOptions> options,
    ILogger<RuleFileWatcher> logger) : BackgroundService
{
    private readonly RulesOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Watch)
            return;

        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var watcher = _options.FileEvents ? TryWatch(changes.Writer) : null;
        var lastSeen = provider.IsLoaded ? provider.Current.Version : null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForChangeOrPollAsync(changes.Reader, stoppingToken);
                var seen = ContentHash();
                if (seen is null || seen == lastSeen)
                    continue;

                await Task.Delay(_options.SettleTime, stoppingToken);
                if (ContentHash() != seen)
                    continue;

                var result = await provider.ReloadAsync(stoppingToken);
                // A version that could not be stored is tried again; invalid files wait for the next edit.
                lastSeen = result.Outcome == ReloadOutcome.Failed ? null : seen;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(ex, provider.Folder);
            }
        }
    }

    private async Task WaitForChangeOrPollAsync(ChannelReader<bool> changes, CancellationToken stoppingToken)
    {
        // Real time rather than the injected clock: these are waits on the file system, and the
        // service's clock may be one a test holds still.
        using var poll = new CancellationTokenSource(_options.PollInterval);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, poll.Token);
        try
        {
            await changes.WaitToReadAsync(wait.Token);
            while (changes.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException) when (poll.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // The poll: look at the files even though no event came.
        }
    }

    private string? ContentHash()
    {
        try
        {
            return RuleSetBuilder.VersionOf(RuleFolder.Read(provider.Folder));
        }
        catch (Exception ex) when (ex is RuleSetException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private FileSystemWatcher? TryWatch(ChannelWriter<bool> changes)
    {
        try
        {
            var watcher = new FileSystemWatcher(provider.Folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            FileSystemEventHandler changed = (_, _) => changes.TryWrite(true);
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => changes.TryWrite(true);
            watcher.Error += (_, e) => LogWatcherError(e.GetException(), provider.Folder);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            LogWatcherUnavailable(ex, provider.Folder, _options.PollInterval);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {RuleFolder} for changes; polling every {PollInterval} instead")]
    private partial void LogWatcherUnavailable(Exception exception, string ruleFolder, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The watcher on {RuleFolder} failed; polling continues")]
    private partial void LogWatcherError(Exception exception, string ruleFolder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking {RuleFolder} for changes failed; trying again at the next poll")]
    private partial void LogWatchFailed(Exception exception, string ruleFolder);
}
