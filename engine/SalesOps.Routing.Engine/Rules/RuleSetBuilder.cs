using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using RulesEngine.Models;
using SalesOps.Routing.Engine.Sla;

namespace SalesOps.Routing.Engine.Rules;

/// <summary>
/// Builds an immutable <see cref="RuleSet"/> from the text of its files. Pure: the caller reads the
/// files, so the same code serves the live folder, a draft posted for a dry run and validation.
/// </summary>
public static class RuleSetBuilder
{
    /// <summary>Builds the rule set, or throws <see cref="RuleSetException"/> listing every error found.</summary>
    public static RuleSet Build(IReadOnlyDictionary<string, string> files)
    {
        var errors = new List<RuleSetError>();
        foreach (var name in RuleFiles.Required.Where(n => !files.ContainsKey(n)))
            errors.Add(new RuleSetError(name, null, null, "file is missing"));
        if (errors.Count > 0)
            throw new RuleSetException(errors);

        // A file that is not valid JSON or breaks its schema is not interpreted further: its own
        // errors say what to fix, and guesses built on a broken file would only add noise.
        var broken = RuleFileSchemas.Validate(files, errors);
        string? defaultTeam = null;
        var teams = broken.Contains(RuleFiles.Teams) ? null : TeamsBuilder.Build(files[RuleFiles.Teams], errors, out defaultTeam);
        var scoring = broken.Contains(RuleFiles.Scoring) ? [] : CompileWorkflow(RuleFiles.Scoring, files[RuleFiles.Scoring], errors, ToScoringRule);
        var qualification = broken.Contains(RuleFiles.Qualification) ? []
            : CompileWorkflow(RuleFiles.Qualification, files[RuleFiles.Qualification], errors, ToQualificationRule);
        var routing = broken.Contains(RuleFiles.Routing) ? []
            : CompileWorkflow(RuleFiles.Routing, files[RuleFiles.Routing], errors, (rule, compiled, fail) => ToRoutingRule(rule, compiled, fail, teams));
        if (!broken.Contains(RuleFiles.Routing))
            RoutingOverlap.Check(routing, files[RuleFiles.Routing], errors);
        if (teams is not null && defaultTeam is not null)
            CatchAll.Check(teams[defaultTeam], files[RuleFiles.Teams], errors);
        var sla = broken.Contains(RuleFiles.Sla) ? null : SlaRulesBuilder.Build(files[RuleFiles.Sla], teams, errors);

        if (errors.Count > 0)
            throw new RuleSetException(errors);

        return new RuleSet(
            VersionOf(files),
            files.ToFrozenDictionary(StringComparer.Ordinal),
            ReadDomainList(files[RuleFiles.FreeMailDomains]),
            scoring,
            qualification,
            routing.Select((r, index) => (r, index)).OrderByDescending(x => x.r.Priority).ThenBy(x => x.index).Select(x => x.r).ToList(),
            teams!.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            defaultTeam!,
            sla!);
    }

    /// <summary>The content hash that names a rule-set version: SHA-256 over file names and contents, 12 hex digits.</summary>
    public static string VersionOf(IReadOnlyDictionary<string, string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n")));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private delegate T? RuleFactory<T>(Rule rule, CompiledRule compiled, Action<string> fail);

    private static List<T> CompileWorkflow<T>(string fileName, string content, List<RuleSetError> errors, RuleFactory<T> factory)
    {
        var result = new List<T>();
        var workflow = WorkflowFile.Read(fileName, content, errors);
        if (workflow is null)
            return result;

        var positions = JsonPositions.IndexValues(content, nameof(Rule.RuleName));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in workflow.Rules ?? [])
        {
            var (line, column) = rule.RuleName is not null && positions.TryGetValue(rule.RuleName, out var p) ? p : (1, 1);
            void Fail(string message) => errors.Add(new RuleSetError(fileName, line, column, $"rule '{rule.RuleName}': {message}"));

            if (string.IsNullOrWhiteSpace(rule.RuleName))
            {
                errors.Add(new RuleSetError(fileName, 1, 1, "every rule needs a \"RuleName\""));
                continue;
            }

            if (!seen.Add(rule.RuleName))
                Fail("the name is used twice in this file");
            if (!rule.Enabled)
                continue;
            if (rule.Rules?.Any() == true || rule.RuleExpressionType != RuleExpressionType.LambdaExpression || rule.LocalParams?.Any() == true)
            {
                Fail("nested rules and local params are not supported; write one lambda expression per rule");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                Fail("\"Expression\" is empty");
                continue;
            }

            Func<object[], bool> predicate;
            Expression condition;
            try
            {
                predicate = ExpressionCompiler.Compile(rule.Expression, out condition);
            }
            catch (UnsafeExpressionException ex)
            {
                Fail(ex.Message);
                continue;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Fail($"expression does not compile: {ex.Message}");
                continue;
            }

            var built = factory(rule, new CompiledRule(rule.RuleName, rule.Expression, predicate) { Guard = RuleGuard.Of(condition) }, Fail);
            if (built is not null)
                result.Add(built);
        }

        return result;
    }

    private static ScoringRule? ToScoringRule(Rule rule, CompiledRule compiled, Action<string> fail)
    {
        if (WorkflowFile.IntProperty(rule, "points") is { } points)
            return new ScoringRule(compiled, points);
        fail("needs a whole-number \"points\" in \"Properties\"");
        return null;
    }

    private static QualificationRule? ToQualificationRule(Rule rule, CompiledRule compiled, Action<string> fail)
    {
        var reason = WorkflowFile.StringProperty(rule, "reason") ?? rule.RuleName;
        switch (WorkflowFile.StringProperty(rule, "effect")?.ToLowerInvariant())
        {
            case "qualify":
                return new QualificationRule(compiled, QualificationEffect.Qualify, reason);
            case "disqualify":
                return new QualificationRule(compiled, QualificationEffect.Disqualify, reason);
            default:
                fail("needs \"effect\": \"qualify\" or \"disqualify\" in \"Properties\"");
                return null;
        }
    }

    private static RoutingRule? ToRoutingRule(Rule rule, CompiledRule compiled, Action<string> fail, Dictionary<string, TeamDefinition>? teams)
    {
        var team = WorkflowFile.StringProperty(rule, "team");
        if (string.IsNullOrWhiteSpace(team))
        {
            fail("needs a \"team\" in \"Properties\"");
            return null;
        }

        // When teams.json itself is broken its error is reported once, not again for every rule.
        if (teams is null)
            return new RoutingRule(compiled, team, WorkflowFile.IntProperty(rule, "priority") ?? 0);
        if (!teams.TryGetValue(team, out var definition))
        {
            fail($"names team '{team}', which {RuleFiles.Teams} does not define");
            return null;
        }

        return new RoutingRule(compiled, definition.Id, WorkflowFile.IntProperty(rule, "priority") ?? 0);
    }

    private static FrozenSet<string> ReadDomainList(string content) =>
        content.Split('\n')
            .Select(line => line.Trim().ToLowerInvariant())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
