using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Reads the files of a rule set from a folder on disk.</summary>
internal static class RuleFolder
{
    public static IReadOnlyDictionary<string, string> Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new RuleSetException([new RuleSetError(folder, null, null, "rule folder does not exist")]);

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in RuleFiles.Required)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
                files[name] = File.ReadAllText(path);
        }

        return files;
    }
}
