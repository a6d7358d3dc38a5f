namespace CourseKit.Interactive.Tests.Support;

/// <summary>Paths in the repository the tests run in.</summary>
internal static class Repo
{
    /// <summary>The folder holding CourseKit.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where tests write the notebooks they execute; run-tests.sh validates each against the nbformat schema.</summary>
    public static string TestNotebooks => Path.Combine(Root, "artifacts", "test-notebooks");

    /// <summary>The library build notebooks load: artifacts/notebook-lib/CourseKit.Core.dll.</summary>
    public static string NotebookLib => Path.Combine(Root, "artifacts", "notebook-lib", "CourseKit.Core.dll");

    /// <summary>The built configuration of this test assembly (Debug or Release), read from its output path.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>A new empty folder under <see cref="TestNotebooks"/> for one test.</summary>
    public static string NotebookFolder(string test)
    {
        string folder = Path.Combine(TestNotebooks, test);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A new empty temporary folder outside the validated tree (for files that are not notebooks on purpose).</summary>
    public static string TempFolder(string test)
    {
        string folder = Path.Combine(Path.GetTempPath(), "coursekit-tests", $"{test}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CourseKit.sln: expected in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
