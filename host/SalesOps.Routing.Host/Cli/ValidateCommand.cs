using System.CommandLine;
using SalesOps.Routing.Engine.Rules;
using SalesOps.Routing.Host.Rules;

namespace SalesOps.Routing.Host.Cli;

/// <summary><c>rules validate [dir]</c>: exit 0 when the folder makes a valid rule set, 1 with one <c>file:line:col: message</c> per problem when not.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string?>("dir")
        {
            Description = "Rule folder to check (default: the folder the service loads, Rules:Path).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Check rule files: JSON syntax, schema, expressions, team names, territory overlaps, catch-all. Starts no server.");
        command.Arguments.Add(folder);
        command.SetAction(parse => Run(context, parse.GetValue(folder)));
        return command;
    }

    private static int Run(CliContext context, string? typed)
    {
        var folder = typed is null ? context.ConfiguredRuleFolder() : CliContext.FromCaller(typed);
        var shown = typed ?? folder;
        try
        {
            var rules = RuleSetBuilder.Build(RuleFolder.Read(folder));
            context.Output.WriteLine($"{shown}: valid, rule set version {rules.Version}");
            return 0;
        }
        catch (RuleSetException ex)
        {
            foreach (var error in ex.Errors)
                context.Output.WriteLine(Format(shown, error));
            context.Error.WriteLine($"{shown}: {ex.Errors.Count} problem{(ex.Errors.Count == 1 ? "" : "s")}; the rule set is invalid");
            return 1;
        }
    }

    /// <summary>The error with its file named as typed, so editors and terminals can jump to it.</summary>
    public static string Format(string folder, RuleSetError error)
    {
        var file = Path.IsPathRooted(error.File) ? error.File : Path.Combine(folder, error.File);
        return (error with { File = file }).ToString();
    }
}
