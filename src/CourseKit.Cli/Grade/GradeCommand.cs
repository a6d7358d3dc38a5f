using System.CommandLine;
using System.Globalization;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// <c>coursekit grade SUBMISSION... --source SOLUTION --output DIR [--jobs N] [--timeout S] [--submission-timeout S]
/// [--memory-mb M] [--hidden-seed SECRET]</c>.
/// </summary>
internal static class GradeCommand
{
    /// <summary>Where the hidden seed is looked for after --hidden-seed and the environment: beside the solution.</summary>
    public static string SeedFileOf(string source) => Path.ChangeExtension(source, ".hidden-seed");

    public static Command Create()
    {
        var submissions = new Argument<string[]>("submission") { Description = "Notebooks, or folders of them (NAME.ipynb or NAME/NN.ipynb: one per learner).", Arity = ArgumentArity.OneOrMore };
        var source = new Option<string>("--source") { Description = "The assignment's solution notebook (notebooks/solutions/NN-*.ipynb).", Required = true };
        var output = new Option<string>("--output") { Description = "The folder for results.json, feedback.html and executed notebooks per learner, and gradebook.csv.", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once (one process each).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 60 };
        var wall = new Option<double>("--submission-timeout") { Description = "Seconds one run of a submission may take in all; past it the process tree is killed.", DefaultValueFactory = _ => 600 };
        var memory = new Option<int>("--memory-mb") { Description = "GC heap limit of each grading process, in MB.", DefaultValueFactory = _ => 1024 };
        var seed = new Option<string?>("--hidden-seed") { Description = "The secret hidden cases derive from (else COURSEKIT_HIDDEN_SEED, else the file SOLUTION.hidden-seed)." };
        var command = new Command("grade", "Grade learners' notebooks against a solution: each in its own process, in parallel; Gradescope results.json, feedback pages, a CSV gradebook.")
        {
            submissions, source, output, jobs, timeout, wall, memory, seed,
        };
        command.SetAction(parse =>
        {
            string sourcePath = parse.GetValue(source)!;
            int n = parse.GetValue(jobs), mb = parse.GetValue(memory);
            double cell = parse.GetValue(timeout), run = parse.GetValue(wall);
            if (n < 1) return Usage($"--jobs: expected ≥ 1, actual {n}.");
            if (!(cell > 0) || double.IsInfinity(cell)) return Usage($"--timeout: expected a positive number of seconds, actual {cell}.");
            if (!(run > 0) || double.IsInfinity(run)) return Usage($"--submission-timeout: expected a positive number of seconds, actual {run}.");
            if (mb < 64) return Usage($"--memory-mb: expected ≥ 64, actual {mb}.");
            if (!File.Exists(sourcePath)) return Usage($"--source: expected the solution notebook, actual '{sourcePath}' does not exist.");
            string? secret = HiddenSeed(parse.GetValue(seed), sourcePath);
            if (secret is null)
                return Usage($"no hidden seed: pass --hidden-seed SECRET, set COURSEKIT_HIDDEN_SEED, or keep the secret in {SeedFileOf(sourcePath)} (not in the learners' repository).");
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
            var settings = new GradeSettings(assignment, sourcePath, secret, new GradeLimits(TimeSpan.FromSeconds(cell), TimeSpan.FromSeconds(run), mb),
                n, Path.GetFullPath(parse.GetValue(output)!));
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

    private static string? HiddenSeed(string? option, string source)
    {
        if (!string.IsNullOrWhiteSpace(option)) return option;
        string? fromEnvironment = Environment.GetEnvironmentVariable("COURSEKIT_HIDDEN_SEED");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        string file = SeedFileOf(source);
        string? stored = File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
        return string.IsNullOrEmpty(stored) ? null : stored;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit grade: {message}");
        return 2;
    }
}
