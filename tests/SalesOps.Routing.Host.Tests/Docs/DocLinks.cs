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
        // Each page is read and parsed once, whether it is checked, linked to, or both.
        var pages = new Dictionary<string, Page>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var file in files.Select(Path.GetFullPath))
        {
            var page = PageOf(file, pages);
            foreach (var link in page.Document.Descendants<LinkInline>())
            {
                if (link.Url is not { Length: > 0 } url || IsExternal(url))
                    continue;
                if (Problem(file, url, pages) is { } why)
                    broken.Add($"{Path.GetRelativePath(root, file)}:{LineOf(page.Text, link.Span.Start)}: {url} ({why})");
            }
        }

        return broken;
    }

    private static string? Problem(string file, string url, Dictionary<string, Page> pages)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
        if (!File.Exists(target))
            return Directory.Exists(target) && anchor is null ? null : "no such file";
        if (anchor is null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            return null;
        return PageOf(target, pages).Headings.Contains(anchor) ? null : "no such heading";
    }

    private static Page PageOf(string file, Dictionary<string, Page> pages)
    {
        if (!pages.TryGetValue(file, out var page))
        {
            var text = File.ReadAllText(file);
            pages[file] = page = new Page(text, Markdown.Parse(text, Pipeline));
        }

        return page;
    }

    // Spans count from the file's start once the pipeline tracks them precisely.
    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;

    private static bool IsExternal(string url) => url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal);

    private sealed record Page(string Text, MarkdownDocument Document)
    {
        public HashSet<string> Headings { get; } = [.. Document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>()];
    }
}
