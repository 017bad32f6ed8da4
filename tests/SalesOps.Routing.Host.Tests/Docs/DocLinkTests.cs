namespace SalesOps.Routing.Host.Tests.Docs;

public sealed class DocLinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("doc-links-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadmeAndDocs_LinkOnlyToFilesAndHeadingsThatExist()
    {
        var root = RepositoryRoot();
        string[] files = [Path.Combine(root, "README.md"), .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)];

        Assert.Empty(DocLinks.Broken(files, root));
    }

    [Fact]
    public void Broken_NamesAMissingFileAndAMissingHeading_NotTheLinksThatWork()
    {
        File.WriteAllText(Path.Combine(_folder, "a.md"), """
            # A page

            ## What it's for, in `short`

            [ok](b.md#the-other-page) [ok too](#what-its-for-in-short) [site](https://example.com/x.md)
            [gone](c.md) [no heading](b.md#nowhere)
            """);
        File.WriteAllText(Path.Combine(_folder, "b.md"), "# The other page\n");

        var broken = DocLinks.Broken([Path.Combine(_folder, "a.md")], _folder);

        Assert.Equal(["a.md:6: c.md (no such file)", "a.md:6: b.md#nowhere (no such heading)"], broken);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SalesOps.Routing.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("The tests run outside the repository: no SalesOps.Routing.sln above " + AppContext.BaseDirectory);
    }
}
