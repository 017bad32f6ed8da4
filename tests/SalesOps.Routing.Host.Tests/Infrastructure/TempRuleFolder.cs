namespace SalesOps.Routing.Host.Tests.Infrastructure;

/// <summary>A copy of the sample rule folder in the temp folder, to edit as an ops person would; deleted on dispose.</summary>
internal sealed class TempRuleFolder : IDisposable
{
    public TempRuleFolder()
    {
        Path = System.IO.Path.Combine(TestDatabase.Root, $"rules-{Guid.NewGuid():N}");
        Copy(RoutingHost.SampleRulesFolder, Path);
    }

    public string Path { get; }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    /// <summary>Saves an edited file in place, the way an editor does; fails when the edit changes nothing, so a test cannot pass by not editing.</summary>
    public void Edit(string file, Func<string, string> edit)
    {
        var before = Read(file);
        var after = edit(before);
        if (after == before)
            throw new InvalidOperationException($"The edit of {file} changed nothing.");
        File.WriteAllText(System.IO.Path.Combine(Path, file), after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file watcher that is still closing may hold the folder for a moment; the temp folder is cleaned up later anyway.
        }
    }

    // The rule files and their schemas; the NRules project that shares the folder in the repository is not copied.
    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(target, "schema"));
        foreach (var file in Directory.GetFiles(source).Concat(Directory.GetFiles(System.IO.Path.Combine(source, "schema"))))
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file)));
    }
}
