using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Autograder;

/// <summary>
/// <c>coursekit autograder --source SOLUTION --output autograder.zip [--hidden-seed-file FILE] [--timeout S]
/// [--submission-timeout S] [--memory-mb M]</c>: a Gradescope autograder. The zip holds <c>setup.sh</c>,
/// <c>run_autograder</c>, this build of coursekit, the solution and the libraries its cells <c>#r</c> (at the same
/// places relative to each other as in the course), and the hidden seed in the file <c>seed</c> — nowhere else.
/// </summary>
internal static class AutograderCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "The assignment's solution notebook.", Required = true };
        var output = new Option<string>("--output") { Description = "The zip to write.", Required = true };
        var seedFile = new Option<string?>("--hidden-seed-file") { Description = "The secret hidden cases derive from (else COURSEKIT_HIDDEN_SEED, else SOLUTION.hidden-seed, else a new random one)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 60 };
        var wall = new Option<double>("--submission-timeout") { Description = "Seconds one run may take in all.", DefaultValueFactory = _ => 600 };
        var memory = new Option<int>("--memory-mb") { Description = "Memory limit of the grading process, in MB.", DefaultValueFactory = _ => 1024 };
        var command = new Command("autograder", "Write a Gradescope autograder zip that grades one submission with coursekit grade, in its sandbox.")
        {
            source, output, seedFile, timeout, wall, memory,
        };
        command.SetAction(parse =>
        {
            string solution = Path.GetFullPath(parse.GetValue(source)!);
            Assignment assignment;
            try { assignment = Assignment.FromSolution(solution); }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or Interactive.Release.ReleaseException)
            {
                Console.Error.WriteLine($"coursekit autograder: {e.Message}");
                return 2;
            }
            string seed = Seed(parse.GetValue(seedFile), solution);
            string options = string.Create(CultureInfo.InvariantCulture,
                $"--timeout {parse.GetValue(timeout)} --submission-timeout {parse.GetValue(wall)} --memory-mb {parse.GetValue(memory)}");
            string zip = Path.GetFullPath(parse.GetValue(output)!);
            try { AutograderZip.Write(zip, assignment, solution, seed, options); }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"coursekit autograder: {e.Message}");
                return 2;
            }
            Console.WriteLine($"wrote {zip}: upload it as the Gradescope autograder of {assignment.Name} (the hidden seed is inside; keep the zip private)");
            return 0;
        });
        return command;
    }

    private static string Seed(string? file, string solution)
    {
        if (file is not null && File.Exists(file) && File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } fromFile) return fromFile;
        if (Environment.GetEnvironmentVariable(Grade.GradeCommand.SeedVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment.Trim();
        string beside = Grade.GradeCommand.SeedFileOf(solution);
        if (File.Exists(beside) && File.ReadLines(beside).FirstOrDefault()?.Trim() is { Length: > 0 } stored) return stored;
        return Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
    }
}

/// <summary>Writes the autograder zip.</summary>
internal static class AutograderZip
{
    private const int Executable = 0b111_101_101 << 16;   // rwxr-xr-x in the entry's Unix attributes
    private const int Readable = 0b110_100_100 << 16;

    public static void Write(string zip, Assignment assignment, string solution, string seed, string gradeOptions)
    {
        string courseRoot = CourseRoot(assignment);
        string solutionEntry = "course/" + Relative(courseRoot, solution);
        string temp = zip + $".{Guid.NewGuid():N}.tmp";
        using (var archive = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            Text(archive, "setup.sh", AutograderScripts.Setup.ReplaceLineEndings("\n") + "\n", Executable);
            Text(archive, "run_autograder", AutograderScripts.Run(assignment.Name, solutionEntry, gradeOptions).ReplaceLineEndings("\n") + "\n", Executable);
            Text(archive, "seed", seed + "\n", Readable);
            archive.CreateEntryFromFile(solution, solutionEntry).ExternalAttributes = Readable;
            Folder(archive, AppContext.BaseDirectory, "coursekit");
            foreach (string library in assignment.ReferencedFolders) Folder(archive, library, "course/" + Relative(courseRoot, library));
        }
        File.Move(temp, zip, overwrite: true);
    }

    // The folder that holds the release folder and every library it #r's: the zip keeps their places relative to each other.
    private static string CourseRoot(Assignment assignment)
    {
        string root = assignment.ReleaseFolder;
        foreach (string folder in assignment.ReferencedFolders)
        {
            while (!folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && folder != root)
                root = Path.GetDirectoryName(root) ?? throw new InvalidDataException($"{folder}: no folder holds both it and {assignment.ReleaseFolder}.");
        }
        return root;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void Text(ZipArchive archive, string name, string text, int attributes)
    {
        var entry = archive.CreateEntry(name);
        entry.ExternalAttributes = attributes;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text);
    }

    // Gradescope's machines are linux-x64: the other platforms' native libraries (SQLite's, 60 MB of them) stay out.
    private static void Folder(ZipArchive archive, string folder, string prefix)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Relative(folder, file);
            if (relative.StartsWith("runtimes/", StringComparison.Ordinal) && !relative.StartsWith("runtimes/linux-x64/", StringComparison.Ordinal)) continue;
            archive.CreateEntryFromFile(file, prefix + "/" + relative, CompressionLevel.Optimal).ExternalAttributes = Readable;
        }
    }
}
