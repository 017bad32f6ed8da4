using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SalesOps.Routing.Host.Tests.Docs;

/// <summary>
/// Finds links between Markdown files that lead nowhere: a file that is not there, or a heading the
/// target does not have. Headings get the identifiers GitHub gives them, which is where readers follow the links.
/// </summary>
internal static class DocLinks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Each broken link of <paramref name="files"/> as "file:line: target (why)".</summary>
    public static IReadOnlyList<string> Broken(IEnumerable<string> files, string root)
    {
        var headings = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var document = Markdown.Parse(text, Pipeline);
            foreach (var link in document.Descendants<LinkInline>())
            {
                if (link.Url is not { Length: > 0 } url || IsExternal(url))
                    continue;
                if (Problem(file, url, headings) is { } why)
                    broken.Add($"{Path.GetRelativePath(root, file)}:{LineOf(text, link.Span.Start)}: {url} ({why})");
            }
        }

        return broken;
    }

    private static string? Problem(string file, string url, Dictionary<string, HashSet<string>> headings)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
        if (!File.Exists(target))
            return Directory.Exists(target) && anchor is null ? null : "no such file";
        if (anchor is null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return null;
        return HeadingsOf(target, headings).Contains(anchor) ? null : "no such heading";
    }

    private static HashSet<string> HeadingsOf(string file, Dictionary<string, HashSet<string>> cache)
    {
        if (!cache.TryGetValue(file, out var ids))
        {
            var document = Markdown.Parse(File.ReadAllText(file), Pipeline);
            ids = [.. document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>()];
            cache[file] = ids;
        }

        return ids;
    }

    // Spans count from the file's start once the pipeline tracks them precisely.
    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;

    private static bool IsExternal(string url) => url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal);
}
