using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// Which sandbox <c>coursekit grade</c> grades in: none possible (not root) stops grading with a message naming what
/// is missing; <c>--sandbox user</c> (another user, where bubblewrap cannot run) grades and keeps the solution out of
/// reach; <c>--unsandboxed</c> grades, and every result says so.
/// </summary>
[SupportedOSPlatform("linux")]
public class SandboxChoiceTests
{
    private const string Seed = "sandbox-choice-secret-7d2c";

    private static (string Folder, string Submission, string SeedFile) Class(string test, Interactive.Notebooks.Notebook submission)
    {
        string folder = Repo.TempFolder(test);
        string path = submission.Save(folder, "alice");
        string seed = Path.Combine(folder, "seed.txt");
        File.WriteAllText(seed, Seed + "\n");
        return (folder, path, seed);
    }

    [Fact]
    public void Without_root_grading_stops_naming_what_is_missing_and_the_way_out()
    {
        var (folder, submission, seed) = Class("grade-not-root", Chapter08.Perfect());
        foreach (string path in new[] { folder, submission, seed }) File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        // As root the grader is started as nobody; a test run that is not root already is what is being tested.
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet"])
            : new ProcessStartInfo("dotnet");
        foreach (string a in new[] { GradeProcess.Dll, "grade", submission, "--source", Chapter08.Solution, "--output", Path.Combine(folder, "out"), "--hidden-seed-file", seed })
            start.ArgumentList.Add(a);
        start.Environment["HOME"] = start.Environment["DOTNET_CLI_HOME"] = folder;
        var (exitCode, stdout, stderr) = Run(start);
        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains("no sandbox to grade in: missing root", stderr);
        Assert.Contains("apt-get install bubblewrap", stderr);
        Assert.Contains("--unsandboxed", stderr);
        Assert.False(File.Exists(Path.Combine(folder, "out", "alice", "results.json")));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_user_sandbox_grades_and_keeps_the_solution_out_of_reach()
    {
        var snoop = Attacks.Partial().WithExercise(1, $"Matrix Softmax(Matrix z) => z;").WithCellAfter(Chapter08.Check(Attacks.Partial(), 1),
            $"Console.WriteLine(\"solution: \" + System.IO.File.ReadAllText(\"{Chapter08.Solution}\").Length);", "snoop");
        var (folder, submission, seed) = Class("grade-user-sandbox", snoop);
        string perfect = Chapter08.Perfect().Save(folder, "bob");
        string output = Path.Combine(folder, "out");
        // The user sandbox keeps files away only by their permissions, and refuses to start while others can read the
        // solution: a copy of the course with its solutions folder closed (the library it #r's stays readable).
        string course = Path.Combine(folder, "course"), solutions = Path.Combine(course, "notebooks", "solutions");
        Directory.CreateDirectory(solutions);
        Directory.CreateDirectory(Path.Combine(course, "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(course, "artifacts", "notebook-lib"), Path.GetDirectoryName(Repo.NotebookLib)!);
        string solution = Path.Combine(solutions, Chapter08.Name + ".ipynb");
        File.Copy(Chapter08.Solution, solution);
        foreach (string path in new[] { folder, solutions, submission, perfect, seed, solution })
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ~(UnixFileMode.OtherRead | UnixFileMode.OtherWrite));
        var run = GradeProcess.Run(false, [submission, perfect, "--source", solution, "--output", output, "--hidden-seed-file", seed, "--sandbox", "user", "--jobs", "2"],
            TimeSpan.FromMinutes(15));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("sandbox: another user", run.Stderr);
        Assert.Equal(13, Score(output, "bob"));
        Assert.Equal(5, Score(output, "alice"));   // Attacks.Partial's honest work: 5 of 13
        string notes = (string)Results(output, "alice")["output"]!;
        Assert.Contains("(files), which graded code may not use", notes);   // refused before it ran: the analysis under the sandbox
        Assert.DoesNotMatch("solution: [0-9]", File.ReadAllText(Path.Combine(output, "alice", Chapter08.Name + ".ipynb")));   // its source is there, no output
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Unsandboxed_grading_says_so_in_every_result()
    {
        var (folder, submission, seed) = Class("grade-unsandboxed", Chapter08.Perfect());
        string output = Path.Combine(folder, "out");
        var run = GradeProcess.Run(false, [submission, "--source", Chapter08.Solution, "--output", output, "--hidden-seed-file", seed, "--unsandboxed"], TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("sandbox: none (--unsandboxed", run.Stderr);
        Assert.Equal(13, Score(output, "alice"));
        Assert.Contains(GradescopeResults.UnsandboxedNote, (string)Results(output, "alice")["output"]!);
        Assert.Contains("graded WITHOUT a sandbox", File.ReadAllText(Path.Combine(output, "alice", "feedback.html")));
        Assert.Contains("alice,3,1,2,1,2,1,3,13,13,graded; unsandboxed", File.ReadAllText(Path.Combine(output, "gradebook.csv")));
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "coursekit grade did not end");
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static JsonObject Results(string output, string student) => JsonNode.Parse(File.ReadAllText(Path.Combine(output, student, "results.json")))!.AsObject();

    private static double Score(string output, string student) => (double)Results(output, student)["score"]!;
}
