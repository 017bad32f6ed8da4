namespace SalesOps.Routing.LoadTests;

/// <summary>
/// A host's own folder under the temp directory: its database file and any copy of the rules. Removed
/// once the run has verified what it needs, so runs do not pile up databases (about 100 MB each).
/// </summary>
internal static class WorkFolder
{
    /// <summary>A fresh folder's path, not yet created: the host, or the shortened rules copied into it, create it.</summary>
    public static string NewPath() => Path.Combine(Path.GetTempPath(), "salesops-load", Guid.NewGuid().ToString("N"));

    public static void Remove(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: what is left is only disk space, and the next run uses a folder of its own.
            Console.Error.WriteLine($"could not remove {path}: {ex.Message}");
        }
    }
}
