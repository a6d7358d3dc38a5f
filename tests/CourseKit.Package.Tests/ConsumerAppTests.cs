namespace CourseKit.Package.Tests;

/// <summary>
/// CourseKit consumed the three ways a practitioner would — the packed package from a new console app and from a
/// file-based app, and the project itself from a file-based app — each running the consumer program (a training run,
/// a chart, a SQLite-backed study) and printing exactly what it prints in this process.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerAppTests(PackageFeed feed)
{
    [Fact]
    public void A_new_console_app_with_a_PackageReference_runs_the_consumer_program()
    {
        string app = feed.NewFolder("console-app");
        DotnetCli.Run(app, feed.Environment, "new", "console", "--name", "Consumer", "--output", app, "--no-restore");
        feed.WriteNuGetConfig(app);
        DotnetCli.Run(app, feed.Environment, "add", "package", "CourseKit", "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerSource.EntryStatement + "\n");
        File.WriteAllText(Path.Combine(app, "PackageConsumer.cs"), ConsumerSource.Text);

        string output = DotnetCli.Run(app, feed.Environment, "run");

        Assert.Equal(ConsumerSource.ExpectedLines, ConsumerSource.ReportLines(output));
        AssertRestoredFromTheFeed();
    }

    [Fact]
    public void A_file_based_app_with_a_package_directive_runs_the_consumer_program()
    {
        string app = feed.NewFolder("package-directive-app");
        feed.WriteNuGetConfig(app);
        File.WriteAllText(Path.Combine(app, "consumer.cs"), ConsumerSource.FileBasedApp($"#:package CourseKit@{feed.Version}"));

        string output = DotnetCli.Run(app, feed.Environment, "run", "consumer.cs", "--artifacts-path", Path.Combine(app, "artifacts"));

        Assert.Equal(ConsumerSource.ExpectedLines, ConsumerSource.ReportLines(output));
        AssertRestoredFromTheFeed();
    }

    [Fact]
    public void A_file_based_app_with_a_project_directive_runs_the_consumer_program()
    {
        // A copy of the library's sources, as in a clone: building it must not touch this repository's outputs.
        string clone = LibraryClone.Copy(Repo.Root, feed.NewFolder("clone"));
        string app = feed.NewFolder("project-directive-app");
        feed.WriteNuGetConfig(app);
        string project = Path.Combine(clone, "src", "CourseKit", "CourseKit.csproj");
        File.WriteAllText(Path.Combine(app, "consumer.cs"), ConsumerSource.FileBasedApp($"#:project {project}"));

        string output = DotnetCli.Run(app, feed.Environment, "run", "consumer.cs", "--artifacts-path", Path.Combine(app, "artifacts"));

        Assert.Equal(ConsumerSource.ExpectedLines, ConsumerSource.ReportLines(output));
    }

    // The build took CourseKit from the local feed, into the isolated packages folder, at the version packed here.
    private void AssertRestoredFromTheFeed()
    {
        string restored = Path.Combine(feed.PackagesFolder, "coursekit", feed.Version, "lib", "net10.0", "CourseKit.Core.dll");
        Assert.True(File.Exists(restored), $"{restored}: expected the packed library, restored from the local feed.");
    }
}
