namespace SalesOps.Routing.Host.Cli;

/// <summary>
/// What a command-line run needs from its surroundings: where to write, the configuration the
/// service would use (appsettings.json and environment variables under the content root), and the
/// directory relative paths on the command line are taken from.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    private IConfiguration? _configuration;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The service's content root: where it finds appsettings.json and resolves its own relative paths.</summary>
    public string ContentRoot { get; } = Directory.GetCurrentDirectory();

    public IConfiguration Configuration => _configuration ??= Load(ContentRoot);

    /// <summary>
    /// A path typed on the command line, taken from the caller's directory. <c>dotnet run --project</c>
    /// starts the service in its project folder, but the shell's PWD still names where the command was typed.
    /// </summary>
    public static string FromCaller(string path)
    {
        if (Path.IsPathRooted(path))
            return Path.GetFullPath(path);
        var pwd = Environment.GetEnvironmentVariable("PWD");
        var caller = pwd is { Length: > 0 } && Path.IsPathRooted(pwd) && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(caller, path));
    }

    /// <summary>The rule folder the service would load.</summary>
    public string ConfiguredRuleFolder() =>
        Path.GetFullPath(Path.Combine(ContentRoot, Configuration["Rules:Path"] ?? "rules"));

    private static IConfiguration Load(string contentRoot)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }
}
