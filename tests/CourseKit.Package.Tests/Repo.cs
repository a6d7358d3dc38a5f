namespace CourseKit.Package.Tests;

/// <summary>The repository the tests run in.</summary>
internal static class Repo
{
    /// <summary>The folder holding CourseKit.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built configuration of this test assembly (Debug or Release), read from its output path.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The library's project file.</summary>
    public static string LibraryProject => Path.Combine(Root, "src", "CourseKit", "CourseKit.csproj");

    /// <summary>The grading protocol's project, a dependency of the library's package.</summary>
    public static string ProtocolProject => Path.Combine(Root, "src", "CourseKit.Protocol", "CourseKit.Protocol.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CourseKit.sln: expected in a folder above {AppContext.BaseDirectory}, found none.");
    }
}
