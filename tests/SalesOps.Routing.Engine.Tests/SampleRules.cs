using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Engine.Tests;

/// <summary>The repository's sample rule files, as copied next to the test assembly.</summary>
internal static class SampleRules
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "rules");

    public static Dictionary<string, string> Files() =>
        RuleFiles.Required.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(Folder, name)), StringComparer.Ordinal);

    public static RuleSet Load() => RuleSetBuilder.Build(Files());

    /// <summary>The sample files with one file's text changed, for tests of a broken or edited set.</summary>
    public static Dictionary<string, string> With(string file, Func<string, string> edit)
    {
        var files = Files();
        files[file] = edit(files[file]);
        return files;
    }
}
