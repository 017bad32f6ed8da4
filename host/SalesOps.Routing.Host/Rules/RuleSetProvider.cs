using Microsoft.Extensions.Options;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>
/// Holds the live rule set. Readers take <see cref="Current"/> once per request; a reload builds a
/// complete new set first and only then swaps the reference, so a bad edit never replaces a good set.
/// </summary>
internal sealed class RuleSetProvider(IOptions<RulesOptions> options, IHostEnvironment environment, ILogger<RuleSetProvider> logger)
{
    private RuleSet? _current;

    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));

    public RuleSet Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("No rule set is loaded yet.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public RuleSet Load()
    {
        var rules = RuleSetBuilder.Build(RuleFolder.Read(Folder));
        Volatile.Write(ref _current, rules);
        logger.LogInformation("Rule set {RuleSetVersion} active from {RuleFolder}: {TeamCount} teams, {RuleCount} rules",
            rules.Version, Folder, rules.Teams.Count, rules.Scoring.Count + rules.Qualification.Count + rules.Routing.Count);
        return rules;
    }
}
