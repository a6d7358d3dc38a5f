using CourseKit.Interactive.Site;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Site;

/// <summary>How the site folder is written: whole, deterministic, and never over a folder that is not a site.</summary>
public sealed class SiteFolderTests
{
    [Fact]
    public void The_same_notebooks_give_the_same_site_byte_for_byte()
    {
        string folder = Repo.TempFolder(nameof(The_same_notebooks_give_the_same_site_byte_for_byte));
        var a = SiteBuilder.Build([SiteFixture.First(folder), SiteFixture.Second(folder)], Path.Combine(folder, "a"));
        var b = SiteBuilder.Build([SiteFixture.First(folder), SiteFixture.Second(folder)], Path.Combine(folder, "b"));
        var files = Files(a.Folder);
        Assert.Equal(files, Files(b.Folder));
        Assert.Contains(Path.Combine("assets", "katex", "katex.min.js"), files);
        foreach (string file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(a.Folder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Folder, file))), $"{file} differs.");
    }

    [Fact]
    public void A_rebuild_replaces_the_whole_site_and_leaves_no_staging_folder()
    {
        string folder = Repo.TempFolder(nameof(A_rebuild_replaces_the_whole_site_and_leaves_no_staging_folder));
        string output = Path.Combine(folder, "site");
        SiteBuilder.Build([SiteFixture.First(folder), SiteFixture.Second(folder)], output);
        SiteBuilder.Build([SiteFixture.Second(folder)], output);
        Assert.False(File.Exists(Path.Combine(output, "01-first.html")));   // a chapter removed from the input is gone
        Assert.True(File.Exists(Path.Combine(output, "02-second.html")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Where(n => !n!.EndsWith(".ipynb", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_folder_that_holds_something_else_is_not_replaced()
    {
        string folder = Repo.TempFolder(nameof(A_folder_that_holds_something_else_is_not_replaced));
        string output = Path.Combine(folder, "mine");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "keep me");
        var e = Assert.Throws<IOException>(() => SiteBuilder.Build([SiteFixture.First(folder)], output));
        Assert.Contains("not written by coursekit site", e.Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Single(Directory.GetFileSystemEntries(folder, "*", SearchOption.TopDirectoryOnly), p => !p.EndsWith(".ipynb", StringComparison.Ordinal));
    }

    [Fact]
    public void Notebooks_with_the_same_name_are_refused_before_anything_is_written()
    {
        string folder = Repo.TempFolder(nameof(Notebooks_with_the_same_name_are_refused_before_anything_is_written));
        var e = Assert.Throws<ArgumentException>(() => SiteBuilder.Build([SiteFixture.First(folder), SiteFixture.First(folder)], Path.Combine(folder, "site")));
        Assert.Contains("'01-first' 2 times", e.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, "site")));
        Assert.Throws<ArgumentException>(() => SiteBuilder.Build([], Path.Combine(folder, "site")));
    }

    private static List<string> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
