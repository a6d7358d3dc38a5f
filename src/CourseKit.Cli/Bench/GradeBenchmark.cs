using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Cli.Grade;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Bench;

/// <summary><c>coursekit bench grade [--students 30] [--jobs N] [--timeout S] [--source SOLUTION] [--json]</c>: grades a generated class and reports the throughput.</summary>
internal static class GradeBenchmark
{
    public static Command Create()
    {
        var students = new Option<int>("--students") { Description = "Learners in the generated class.", DefaultValueFactory = _ => 30 };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run (the looping learners pay it).", DefaultValueFactory = _ => 10 };
        var source = new Option<string>("--source") { Description = "The solution notebook.", DefaultValueFactory = _ => Path.Combine("notebooks", "solutions", "07-softmax-regression.ipynb") };
        var json = new Option<bool>("--json") { Description = "Print {students, jobs, wall_s, per_minute, mean_score, max_score, distribution, …} as JSON." };
        var unsandboxed = new Option<bool>("--unsandboxed") { Description = "Grade without the sandbox (to measure what the sandbox costs)." };
        var command = new Command("grade", "Generate a class of chapter-8 submissions (perfect, partial, wrong, broken, looping, overflowing) and grade it in parallel.")
        {
            students, jobs, timeout, source, json, unsandboxed,
        };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(students), j = parse.GetValue(jobs);
            if (n < 1 || j < 1) { Console.Error.WriteLine($"--students and --jobs: expected ≥ 1, actual {n} and {j}."); return 2; }
            string solution = parse.GetValue(source)!;
            var assignment = Assignment.FromSolution(solution);
            string root = Path.Combine(Path.GetTempPath(), $"coursekit-bench-grade-{Guid.NewGuid():N}");
            string folder = Path.Combine(root, "submissions");
            Directory.CreateDirectory(folder);
            try
            {
                GradeClassGenerator.Write(assignment, solution, n, folder);
                var settings = new GradeSettings(assignment, "benchmark-secret",
                    new GradeLimits(TimeSpan.FromSeconds(parse.GetValue(timeout)), TimeSpan.FromSeconds(600), 1024), j, Path.Combine(root, "graded"),
                    parse.GetValue(unsandboxed) ? Grade.Sandbox.SandboxChoice.None : Grade.Sandbox.SandboxChoice.Auto, Path.GetFullPath(solution), null);
                BatchResult batch;
                try { batch = GradeBatch.Run(settings, SubmissionFinder.Find([folder], assignment.Name), parse.GetValue(json) ? TextWriter.Null : Console.Error); }
                catch (GraderException e)
                {
                    Console.Error.WriteLine($"coursekit bench grade: the grader could not run: {e.Message}");
                    return 1;
                }
                Console.WriteLine(parse.GetValue(json) ? ToJson(batch, j) : ToText(batch, j));
                return batch.GraderErrors.Count == 0 ? 0 : 1;
            }
            finally { Directory.Delete(root, recursive: true); }
        });
        return command;
    }

    private static JsonObject Figures(BatchResult batch, int jobs)
    {
        var grades = batch.Grades;
        double seconds = batch.Elapsed.TotalSeconds;
        var distribution = new JsonObject();
        foreach (var group in grades.GroupBy(g => Math.Round(g.Score, 2)).OrderByDescending(g => g.Key))
            distribution[group.Key.ToString("0.##", CultureInfo.InvariantCulture)] = group.Count();
        return new JsonObject
        {
            ["students"] = grades.Count, ["jobs"] = jobs, ["processors"] = Environment.ProcessorCount,
            ["wall_s"] = Math.Round(seconds, 1), ["per_minute"] = Math.Round(grades.Count / seconds * 60, 1),
            ["mean_score"] = Math.Round(grades.Average(g => g.Score), 2), ["max_score"] = grades.Max(g => g.MaxScore),
            ["distribution"] = distribution,
            ["timed_out"] = grades.Count(g => g.TimedOut), ["crashed"] = grades.Count(g => g.Crashed),
            ["failed_to_run"] = grades.Count(g => g.Outcome != SubmissionOutcome.Graded),
            ["sandbox"] = batch.Sandbox,
        };
    }

    private static string ToJson(BatchResult batch, int jobs) => Figures(batch, jobs).ToJsonString();

    private static string ToText(BatchResult batch, int jobs)
    {
        var f = Figures(batch, jobs);
        string distribution = string.Join(", ", f["distribution"]!.AsObject().Select(p => $"{p.Key} pts × {p.Value}"));
        return $"graded {f["students"]} submissions with {jobs} job(s) on {f["processors"]} processor(s) in {f["wall_s"]} s " +
               $"({f["per_minute"]} per minute); mean score {f["mean_score"]}/{f["max_score"]}; distribution: {distribution}; " +
               $"{f["timed_out"]} timed out, {f["crashed"]} crashed, {f["failed_to_run"]} failed to run";
    }
}
