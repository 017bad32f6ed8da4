using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SalesOps.Routing.Engine.Rules;

namespace SalesOps.Routing.Host.Rules;

/// <summary>Reads draft rule files sent over HTTP: a zip of the rule folder, or a JSON object of file name to content.</summary>
internal static class DraftRuleFiles
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private const int MaxFileBytes = 1024 * 1024;
    private const int MaxZipEntries = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a JSON object whose properties are file names and whose values are the files' text.</summary>
    public static Dictionary<string, string>? FromJson(JsonElement map, out string? problem)
    {
        problem = null;
        if (map.ValueKind != JsonValueKind.Object)
        {
            problem = "the rule files must be a JSON object of file name to file content";
            return null;
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in map.EnumerateObject())
        {
            if (file.Value.ValueKind != JsonValueKind.String)
            {
                problem = $"the content of '{file.Name}' must be a string holding the file's text";
                return null;
            }

            files[file.Name] = file.Value.GetString()!;
        }

        return files;
    }

    /// <summary>Reads a zip archive; folders inside it are ignored, so a zip of the whole rule folder works.</summary>
    public static Dictionary<string, string>? FromZip(byte[] body, out string? problem)
    {
        problem = null;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var archive = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxZipEntries)
            {
                problem = $"the zip holds more than {MaxZipEntries} entries";
                return null;
            }

            // The rule files may sit at the top of the zip or in a folder (a zip of the rule folder);
            // subfolders such as schema/ are not part of the rule set.
            var entries = archive.Entries.Where(e => e.Name.Length > 0).ToList();
            var folders = entries.Where(e => IsRuleFile(e.Name)).Select(e => FolderOf(e.FullName)).Distinct(StringComparer.Ordinal).ToList();
            if (folders.Count > 1)
            {
                problem = $"the zip holds rule files in more than one folder: {string.Join(", ", folders.Select(f => f.Length == 0 ? "(top)" : f))}";
                return null;
            }

            var folder = folders.Count == 1 ? folders[0] : "";
            foreach (var entry in entries.Where(e => FolderOf(e.FullName) == folder))
            {
                // Only rule files are read; any other name is only listed as ignored, so it costs nothing.
                if (!IsRuleFile(entry.Name))
                {
                    files.TryAdd(entry.Name, "");
                    continue;
                }

                using var content = entry.Open();
                using var buffer = new MemoryStream();
                var read = CopyAtMost(content, buffer, MaxFileBytes + 1);
                if (read > MaxFileBytes)
                {
                    problem = $"'{entry.FullName}' is larger than {MaxFileBytes / 1024} KB";
                    return null;
                }

                if (!files.TryAdd(entry.Name, Decode(buffer.ToArray())))
                {
                    problem = $"the zip holds '{entry.Name}' twice";
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or DecoderFallbackException)
        {
            problem = ex is DecoderFallbackException ? "a file in the zip is not UTF-8 text" : $"the body is not a readable zip archive: {ex.Message}";
            return null;
        }

        return files;
    }

    /// <summary>Completes the draft with the live set's files; names that are not rule files are set aside.</summary>
    public static DraftRuleSet Complete(IReadOnlyDictionary<string, string> draft, RuleSet live)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromDraft = new List<string>();
        var fromLive = new List<string>();
        foreach (var name in RuleFiles.Required)
        {
            if (draft.TryGetValue(name, out var content))
            {
                files[name] = content;
                fromDraft.Add(name);
            }
            else if (live.Files.TryGetValue(name, out var liveContent))
            {
                files[name] = liveContent;
                fromLive.Add(name);
            }
        }

        var ignored = draft.Keys.Where(k => !RuleFiles.Required.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return new DraftRuleSet(files, fromDraft, fromLive, ignored);
    }

    private static bool IsRuleFile(string name) => RuleFiles.Required.Contains(name, StringComparer.Ordinal);

    private static string FolderOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    private static long CopyAtMost(Stream source, Stream target, long limit)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - total))) > 0)
        {
            target.Write(chunk, 0, read);
            total += read;
        }

        return total;
    }

    private static string Decode(byte[] bytes)
    {
        var text = StrictUtf8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}
