using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// The adversarial class: every attack of <see cref="Attacks"/> and the honest classmates it could hurt, graded in one
/// batch by the built <c>coursekit grade</c> in its sandbox (2 jobs); the tests read what it wrote.
/// </summary>
public sealed class AdversarialClassFixture
{
    public const string Seed = "adversarial-secret-5b1e77";
    // The limits only catch hangs (an honest run takes 20 to 40 s under load): an attack that holds the grader would show
    // as an execution time at the run's limit.
    public const double CellTimeout = 30, RunTimeout = 300;

    public AdversarialClassFixture()
    {
        string root = Repo.TempFolder("grade-adversarial");
        Submissions = Path.Combine(root, "submissions");
        Output = Path.Combine(root, "graded");
        Directory.CreateDirectory(Submissions);
        SeedFile = Path.Combine(root, "seed.txt");
        File.WriteAllText(SeedFile, Seed + "\n");
        Chapter08.Perfect().Save(Submissions, "honest-perfect");
        Attacks.Partial().Save(Submissions, "honest-partial");
        Attacks.Partial().WithExercise(1, Attacks.VisibleOnlySoftmax).Save(Submissions, "honest-visible-only");
        Directory.CreateDirectory(Path.Combine(Submissions, "gradebook.csv"));
        Chapter08.Perfect().Save(Path.Combine(Submissions, "gradebook.csv"), Chapter08.Name);   // a learner folder named like an output file
        foreach (var (name, notebook) in Attacks.All()) notebook.Save(Submissions, name);
        Run = GradeProcess.Run(false, [Submissions, "--source", Chapter08.Solution, "--output", Output, "--jobs", "2",
            "--timeout", $"{CellTimeout}", "--submission-timeout", $"{RunTimeout}", "--hidden-seed-file", SeedFile], TimeSpan.FromMinutes(40));
    }

    public string Submissions { get; }

    public string Output { get; }

    public string SeedFile { get; }

    internal CoursekitProcess.Outcome Run { get; }

    public JsonObject Results(string student) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, student, "results.json")))!.AsObject();

    public double Score(string student) => (double)Results(student)["score"]!;

    public double[] Points(string student) => Results(student)["tests"]!.AsArray().Select(t => (double)t!["score"]!).ToArray();

    public string Feedback(string student) => File.ReadAllText(Path.Combine(Output, student, "feedback.html"));

    /// <summary>Every file the batch wrote, with its text.</summary>
    public IEnumerable<(string Path, string Text)> Outputs() =>
        Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllText(f)));
}
