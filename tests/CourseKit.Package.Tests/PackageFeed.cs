namespace CourseKit.Package.Tests;

/// <summary>
/// The CourseKit package packed from this build into a local feed in a temporary folder, with a version no other
/// run uses, and a NuGet packages folder of its own: the package lands there, never in the machine's global
/// packages folder, so no cache is left holding a stale CourseKit. Every other package comes from the global folder
/// (as a fallback folder, read only) or from the configured feeds. Everything is deleted on dispose.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Directory.CreateDirectory(FeedFolder);
        Directory.CreateDirectory(PackagesFolder);
        string suffix = $"test.{DateTime.UtcNow:yyyyMMddHHmmss}.{System.Environment.ProcessId}";
        // The library's package and the grading protocol's, which it depends on, at the same version.
        foreach (string project in new[] { Repo.ProtocolProject, Repo.LibraryProject })
        {
            DotnetCli.Run(Root, Environment, "pack", project, "-c", Repo.Configuration, "--no-build",
                "-o", FeedFolder, $"-p:VersionSuffix={suffix}", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}");
        }
        string package = Directory.GetFiles(FeedFolder, "CourseKit.*.nupkg").Single(p => !Path.GetFileName(p).StartsWith("CourseKit.Protocol.", StringComparison.Ordinal));
        Version = Path.GetFileNameWithoutExtension(package)["CourseKit.".Length..];
        Assert.EndsWith(suffix, Version);
        RestoreTheSdkPackagesOfAFileBasedApp();
    }

    /// <summary>The temporary folder everything lives in.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"coursekit-package-{Guid.NewGuid():N}");

    /// <summary>The local feed holding the .nupkg and the .snupkg.</summary>
    public string FeedFolder => Path.Combine(Root, "feed");

    /// <summary>The NUGET_PACKAGES folder of every consumer build.</summary>
    public string PackagesFolder => Path.Combine(Root, "packages");

    /// <summary>The version packed, e.g. <c>0.1.0-test.20261130120000.4242</c>.</summary>
    public string Version { get; }

    /// <summary>The environment of every dotnet command the tests run.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };

    /// <summary>The package file.</summary>
    public string Package => Path.Combine(FeedFolder, $"CourseKit.{Version}.nupkg");

    /// <summary>The symbols package beside it.</summary>
    public string SymbolsPackage => Path.Combine(FeedFolder, $"CourseKit.{Version}.snupkg");

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Writes a nuget.config into <paramref name="folder"/>: the local feed added to the configured sources, and the
    /// machine's global packages folder as a read-only fallback so that the other packages are not fetched again.
    /// </summary>
    public void WriteNuGetConfig(string folder)
    {
        string fallback = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string fallbackEntry = Directory.Exists(fallback) ? $"""<add key="global-packages" value="{fallback}" />""" : "";
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="coursekit-local" value="{FeedFolder}" />
              </packageSources>
              <fallbackPackageFolders>
                {fallbackEntry}
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    // A file-based app defaults to PublishAot, so its restore brings the ILCompiler packages (≈ 135 MB). Restored once
    // without CourseKit, into the machine's global folder as for any file-based app, they are found there (the fallback
    // folder) instead of being downloaded into the isolated folder on every run.
    private void RestoreTheSdkPackagesOfAFileBasedApp()
    {
        string folder = NewFolder("sdk-packages");
        File.WriteAllText(Path.Combine(folder, "empty.cs"), "System.Console.WriteLine();\n");
        DotnetCli.Run(folder, new Dictionary<string, string>(), "restore", "empty.cs", "--artifacts-path", Path.Combine(folder, "artifacts"));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // best effort: a leftover temporary folder harms nothing
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The tests that share one packed <see cref="PackageFeed"/> (packing takes seconds; consumers run one at a time).</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "CourseKit package feed";
}
