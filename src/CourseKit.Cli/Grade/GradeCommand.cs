using System.CommandLine;
using System.Globalization;
using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// <c>coursekit grade SUBMISSION... --source SOLUTION --output DIR [--jobs N] [--timeout S] [--submission-timeout S]
/// [--memory-mb M] [--hidden-seed-file FILE] [--sandbox auto|bubblewrap|user] [--unsandboxed]</c>.
/// </summary>
internal static class GradeCommand
{
    /// <summary>Where the hidden seed is looked for after --hidden-seed-file and the environment: beside the solution.</summary>
    public static string SeedFileOf(string source) => Path.ChangeExtension(source, ".hidden-seed");

    /// <summary>The environment variable that may hold the hidden seed.</summary>
    public const string SeedVariable = "COURSEKIT_HIDDEN_SEED";

    public static Command Create()
    {
        var submissions = new Argument<string[]>("submission") { Description = "Notebooks, or folders of them (NAME.ipynb or NAME/NN.ipynb: one per learner).", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string>("--source") { Description = "The assignment's solution notebook (notebooks/solutions/NN-*.ipynb).", Required = true };
        var output = new Option<string>("--output") { Description = "The folder for results.json, feedback.html and graded notebooks per learner, and gradebook.csv.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once (one sandboxed process each).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 60 };
        var wall = new Option<double>("--submission-timeout") { Description = "Seconds one run of a submission may take in all; past it the process tree is killed.", DefaultValueFactory = _ => 600 };
        var memory = new Option<int>("--memory-mb") { Description = "Memory limit of each grading process (its GC heap), in MB.", DefaultValueFactory = _ => 1024 };
        var seedFile = new Option<string?>("--hidden-seed-file") { Description = $"A file whose first line is the secret hidden cases derive from (else {SeedVariable}, else SOLUTION.hidden-seed)." };
        var seed = new Option<string?>("--hidden-seed") { Hidden = true, Description = "Refused: a seed on the command line is readable by every process." };
        var sandbox = new Option<string>("--sandbox") { Description = "auto (bubblewrap where it runs, else another user), bubblewrap or user.", DefaultValueFactory = _ => "auto" };
        var unsandboxed = new Option<bool>("--unsandboxed") { Description = "Grade without a sandbox (the learner's code runs as you); every result says so." };
        var command = new Command("grade", "Grade learners' notebooks against a solution, each in a sandbox, in parallel: the grader builds the cases and computes every score; Gradescope results.json, feedback pages, a CSV gradebook.")
        {
            submissions, source, output, jobs, timeout, wall, memory, seedFile, seed, sandbox, unsandboxed,
        };
        command.SetAction(parse =>
        {
            string sourcePath = parse.GetValue(source)!;
            int n = parse.GetValue(jobs), mb = parse.GetValue(memory);
            double cell = parse.GetValue(timeout), run = parse.GetValue(wall);
            if (parse.GetValue(seed) is not null)
                return Usage($"--hidden-seed: a seed on the command line can be read by every process on the machine (/proc/PID/cmdline); put it in a file (--hidden-seed-file FILE), in {SeedVariable}, or in {SeedFileOf(sourcePath)}.");
            if (n < 1) return Usage($"--jobs: expected ≥ 1, actual {n}.");
            if (!(cell > 0) || double.IsInfinity(cell)) return Usage($"--timeout: expected a positive number of seconds, actual {cell}.");
            if (!(run > 0) || double.IsInfinity(run)) return Usage($"--submission-timeout: expected a positive number of seconds, actual {run}.");
            if (mb < 64) return Usage($"--memory-mb: expected ≥ 64, actual {mb}.");
            if (!File.Exists(sourcePath)) return Usage($"--source: expected the solution notebook, actual '{sourcePath}' does not exist.");
            if (Choice(parse.GetValue(sandbox)!, parse.GetValue(unsandboxed)) is not { } choice)
                return Usage($"--sandbox: expected auto, bubblewrap or user, actual '{parse.GetValue(sandbox)}'.");
            var (secret, secretFile, seedProblem) = HiddenSeed(parse.GetValue(seedFile), sourcePath);
            if (secret is null) return Usage(seedProblem!);
            Assignment assignment;
            IReadOnlyList<Submission> found;
            try
            {
                assignment = Assignment.FromSolution(sourcePath);
                found = SubmissionFinder.Find(parse.GetValue(submissions)!, assignment.Name);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException or Interactive.Release.ReleaseException)
            {
                return Usage(e.Message);
            }
            if (found.Count == 0) return Usage("submission: expected notebooks (*.ipynb), actual none found.");
            var settings = new GradeSettings(assignment, secret, new GradeLimits(TimeSpan.FromSeconds(cell), TimeSpan.FromSeconds(run), mb),
                n, Path.GetFullPath(parse.GetValue(output)!), choice, Path.GetFullPath(sourcePath), secretFile);
            return Grade(settings, found);
        });
        return command;
    }

    /// <summary>Grades, prints the summary; 0 when the batch finished, 1 when the grader itself could not run.</summary>
    public static int Grade(GradeSettings settings, IReadOnlyList<Submission> submissions)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grading {submissions.Count} submission(s) of {settings.Assignment.Name} with {settings.Jobs} job(s) (cell timeout {settings.Limits.CellTimeout.TotalSeconds:0.###} s, {settings.Limits.MemoryMb} MB each)"));
        BatchResult batch;
        try { batch = GradeBatch.Run(settings, submissions, Console.Error); }
        catch (Exception e) when (e is GraderException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"coursekit grade: the grader could not run: {e.Message}");
            return 1;
        }
        Console.WriteLine(GradeSummary.Describe(batch, settings.OutputDir));
        foreach (string error in batch.GraderErrors) Console.Error.WriteLine($"coursekit grade: grader error: {error}");
        return batch.GraderErrors.Count == 0 ? 0 : 1;
    }

    private static SandboxChoice? Choice(string name, bool unsandboxed) => unsandboxed ? SandboxChoice.None : name switch
    {
        "auto" => SandboxChoice.Auto,
        "bubblewrap" or "bwrap" => SandboxChoice.Bubblewrap,
        "user" => SandboxChoice.User,
        _ => null,
    };

    private static (string? Seed, string? File, string? Problem) HiddenSeed(string? file, string source)
    {
        if (file is not null)
        {
            string? line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
            return string.IsNullOrEmpty(line) ? (null, null, $"--hidden-seed-file: expected a file whose first line is the secret, actual '{file}' {(File.Exists(file) ? "starts with an empty line" : "does not exist")}.")
                : (line, Path.GetFullPath(file), null);
        }
        string? fromEnvironment = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return (fromEnvironment, null, null);
        string beside = SeedFileOf(source);
        string? stored = File.Exists(beside) ? File.ReadLines(beside).FirstOrDefault()?.Trim() : null;
        return string.IsNullOrEmpty(stored)
            ? (null, null, $"no hidden seed: pass --hidden-seed-file FILE, set {SeedVariable}, or keep the secret in {beside} (not in the learners' repository).")
            : (stored, Path.GetFullPath(beside), null);
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit grade: {message}");
        return 2;
    }
}
