using System.CommandLine;

namespace SalesOps.Routing.Host.Cli;

/// <summary>
/// The <c>rules</c> commands: work on rule files from a shell, a git hook or CI without starting
/// the service. Program.cs hands over to this when the first argument is <c>rules</c>.
/// </summary>
internal static class RulesCommandLine
{
    public static bool Handles(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "rules";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var context = new CliContext(output, error);
        var rules = new Command("rules", "Check rule files and try drafts against stored leads.");
        rules.Subcommands.Add(ValidateCommand.Create(context));
        rules.Subcommands.Add(BacktestCommand.Create(context));
        var root = new RootCommand("SalesOps.Routing: run without arguments to start the service.");
        root.Subcommands.Add(rules);
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
