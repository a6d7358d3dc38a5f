using System.Reflection;

namespace CourseKit.Package.Tests;

/// <summary>The consumer program (Consumer/PackageConsumer.cs) as the apps are made of it, and what it prints here.</summary>
internal static class ConsumerSource
{
    /// <summary>The one statement a consumer app's entry point runs.</summary>
    public const string EntryStatement = "PackageConsumer.Run(Directory.GetCurrentDirectory(), Console.Out);";

    private static readonly Lazy<IReadOnlyList<string>> s_expected = new(RunInProcess);

    /// <summary>The source file, as embedded in this assembly.</summary>
    public static string Text { get; } = ReadEmbedded();

    /// <summary>What the program prints when it runs in this process against the library this repository built.</summary>
    public static IReadOnlyList<string> ExpectedLines => s_expected.Value;

    /// <summary>
    /// A file-based app: the <paramref name="directive"/> (<c>#:package</c> or <c>#:project</c>), the program's usings,
    /// its entry statement, then the class (top-level statements must come before type declarations).
    /// </summary>
    public static string FileBasedApp(string directive)
    {
        string[] lines = Text.Split('\n');
        int usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).Count();
        Assert.True(usings > 0, "Consumer/PackageConsumer.cs: expected to start with its using directives.");
        return string.Join('\n', [directive, .. lines[..usings], "", EntryStatement, .. lines[usings..]]);
    }

    /// <summary>The lines of <paramref name="output"/> that carry one of the program's keys ("key: value"), in order.</summary>
    public static IReadOnlyList<string> ReportLines(string output)
    {
        var keys = ExpectedLines.Select(Key).ToHashSet();
        return output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => keys.Contains(Key(l))).ToList();
    }

    private static string Key(string line) => line.Split(':')[0];

    private static IReadOnlyList<string> RunInProcess()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"coursekit-consumer-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var output = new StringWriter { NewLine = "\n" };
            PackageConsumer.Run(folder, output);
            return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PackageConsumer.cs")
            ?? throw new InvalidOperationException("PackageConsumer.cs: expected as an embedded resource of the test assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
