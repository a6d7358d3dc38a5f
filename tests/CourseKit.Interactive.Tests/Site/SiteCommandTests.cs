using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Site;

/// <summary><c>coursekit site</c> as a process: inputs, warnings and usage errors.</summary>
public sealed class SiteCommandTests
{
    [Fact]
    public void A_folder_of_executed_notebooks_becomes_a_site_and_an_unexecuted_one_is_named()
    {
        string folder = Repo.TempFolder(nameof(A_folder_of_executed_notebooks_becomes_a_site_and_an_unexecuted_one_is_named));
        string input = Path.Combine(folder, "course");
        Directory.CreateDirectory(input);
        foreach (var nb in new[] { SiteFixture.Second(input), SiteFixture.First(input), SiteFixture.Third(input) })
            NotebookWriter.Write(nb, nb.Path!);
        string site = Path.Combine(folder, "site");

        var run = CoursekitProcess.Run("site", input, "--output", site, "--title", "My course");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"site: 3 chapter(s) in {site}", run.Stdout);
        Assert.Contains("warning: 03-untitled.html: no code cell has outputs", run.Stderr);
        string index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("<h1 class=\"course-title\">My course</h1>", index);
        Assert.True(index.IndexOf("01-first.html", StringComparison.Ordinal) < index.IndexOf("02-second.html", StringComparison.Ordinal)); // by name
    }

    [Fact]
    public void Usage_errors_name_the_problem_and_exit_2()
    {
        string folder = Repo.TempFolder(nameof(Usage_errors_name_the_problem_and_exit_2));
        var missing = CoursekitProcess.Run("site", Path.Combine(folder, "nope"), "--output", Path.Combine(folder, "site"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
        var empty = CoursekitProcess.Run("site", folder, "--output", Path.Combine(folder, "site"));
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("actual none in", empty.Stderr);
        var noOutput = CoursekitProcess.Run("site", folder);
        Assert.NotEqual(0, noOutput.ExitCode);
        Assert.Contains("--output", noOutput.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder, "site")));
    }
}
