using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// <c>coursekit autograder</c>: the zip, unpacked into Gradescope's layout (<c>/autograder/source</c>,
/// <c>/autograder/submission</c>, <c>/autograder/results</c>, here under a temporary root), grades an honest and an
/// adversarial submission with <c>run_autograder</c>, in the sandbox; the seed is in the zip's seed file only.
/// </summary>
[Trait("Category", "Slow")]
public class AutograderTests
{
    private const string Seed = "autograder-secret-91c4";

    [Fact]
    public void The_zip_grades_an_honest_and_an_adversarial_submission_in_gradescopes_layout()
    {
        string folder = Repo.TempFolder("autograder");
        File.WriteAllText(Path.Combine(folder, "seed.txt"), Seed + "\n");
        string zip = Path.Combine(folder, "autograder.zip");
        var made = CoursekitProcess.Run("autograder", "--source", Chapter08.Solution, "--output", zip, "--hidden-seed-file", Path.Combine(folder, "seed.txt"), "--timeout", "30");
        Assert.True(made.ExitCode == 0, made.Stdout + made.Stderr);

        string root = Path.Combine(folder, "autograder");
        ZipFile.ExtractToDirectory(zip, Path.Combine(root, "source"));
        File.Copy(Path.Combine(root, "source", "run_autograder"), Path.Combine(root, "run_autograder"));
        Assert.Equal(Seed, File.ReadAllText(Path.Combine(root, "source", "seed")).Trim());
        foreach (string script in new[] { "setup.sh", "run_autograder" })
            Assert.DoesNotContain(Seed, File.ReadAllText(Path.Combine(root, "source", script)));
        Assert.Equal(0, Bash(Path.Combine(root, "source", "setup.sh"), root).ExitCode);   // everything it installs is here already

        var honest = Grade(root, Chapter08.Perfect());
        Assert.Equal(13, (double)honest["score"]!);
        var attack = Grade(root, Attacks.Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z.Softmax();"));
        Assert.Equal(5, (double)attack["score"]!);   // the honest partial work (Attacks.Partial): the library's softmax scores Exercise 1 and the exercises calling it 0
        Assert.Contains("write softmax yourself", attack.ToJsonString());
        var snoop = Grade(root, Attacks.Partial().WithExercise(1, $"Matrix Softmax(Matrix z) {{ Console.WriteLine(File.ReadAllText(\"{root}/source/seed\")); return z; }}"));
        Assert.Equal(5, (double)snoop["score"]!);    // a Softmax returning z: Exercises 1, 5 and 7 score 0
        foreach (var results in new[] { honest, attack, snoop }) Assert.DoesNotContain(Seed, results.ToJsonString());
    }

    private static JsonObject Grade(string root, Interactive.Notebooks.Notebook submission)
    {
        string folder = Path.Combine(root, "submission");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        submission.Save(folder, Chapter08.Name);
        var run = Bash(Path.Combine(root, "run_autograder"), root);
        Assert.True(run.ExitCode == 0, run.Output);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")))!.AsObject();
    }

    private static (int ExitCode, string Output) Bash(string script, string root)
    {
        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.Combine(root, "source") };
        start.Environment["AUTOGRADER_ROOT"] = root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{script} did not end");
        return (process.ExitCode, stdout.Result + stderr);
    }
}
