using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// One class of chapter-8 submissions, one per scenario, graded once by the built <c>coursekit grade</c> in its sandbox
/// (2 jobs); the tests read what it wrote. The limits only catch hangs: a run of chapter 8 takes about 20 s on a quiet
/// machine and twice that under a load of 50 on 2 cores, a cell a few seconds at most.
/// </summary>
public sealed class GradeClassFixture
{
    public const string Seed = "end-to-end-secret";
    public const double CellTimeout = 30, RunTimeout = 300;

    public GradeClassFixture()
    {
        string root = Repo.TempFolder("grade-class");
        Submissions = Path.Combine(root, "submissions");
        Output = Path.Combine(root, "graded");
        Directory.CreateDirectory(Submissions);
        Write();
        string seed = Path.Combine(root, "seed.txt");
        File.WriteAllText(seed, Seed + "\n");
        Run = GradeProcess.Run(false, [Submissions, "--source", Chapter08.Solution, "--output", Output, "--jobs", "2",
            "--timeout", $"{CellTimeout}", "--submission-timeout", $"{RunTimeout}", "--hidden-seed-file", seed], TimeSpan.FromMinutes(30));
    }

    public string Submissions { get; }

    public string Output { get; }

    internal CoursekitProcess.Outcome Run { get; }

    public JsonObject Results(string student) => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, student, "results.json")))!.AsObject();

    public string Feedback(string student) => File.ReadAllText(Path.Combine(Output, student, "feedback.html"));

    public string ExecutedPath(string student) => Path.Combine(Output, student, Chapter08.Name + ".ipynb");

    /// <summary>Points per exercise, from results.json.</summary>
    public double[] Points(string student) => Results(student)["tests"]!.AsArray().Select(t => (double)t!["score"]!).ToArray();

    private void Write()
    {
        Chapter08.Perfect().Save(Submissions, "perfect");
        Chapter08.Perfect().WithExercise(1, "Matrix Softmax(Matrix z)\n{\n    while (true) { }\n}").Save(Submissions, "loop");
        var deleted = Chapter08.Perfect();
        deleted.Without(Chapter08.Check(deleted, 2)).Save(Submissions, "deleted-check");
        var edited = Chapter08.Perfect();
        Chapter08.Check(edited, 3).Source = "Console.WriteLine(\"✓ cross-entropy cost: 6/6 cases passed\");";
        edited.Save(Submissions, "edited-check");
        Chapter08.Perfect().WithExercise(2, "Matrix OneHot(int[] labels, int classes)\n{\n    return new Matrix(labels.Length classes)\n}").Save(Submissions, "syntax-error");
        var throws = Chapter08.Perfect();
        throws.WithCellAfter(throws.Cells[1], "throw new Exception(\"top-level boom\");", "my-throw").Save(Submissions, "throws");
        NotebookWriter.Write(Notebook.CreatePolyglot(), Path.Combine(Submissions, "empty.ipynb"));
        Chapter08.Perfect().WithExercise(3, "float CrossEntropyCost(Matrix yHat, Matrix y) => CrossEntropyCost(yHat, y) + 1;").Save(Submissions, "overflow");
        File.WriteAllText(Path.Combine(Submissions, "not-notebook.ipynb"), "print('this is Python, not a notebook')\n");
        Reordered().Save(Submissions, "reordered");
        // Keeps the right answer of each case it is given and returns a wrong one; a cell after the check prints what it kept.
        var leaky = Chapter08.Perfect().WithExercise(3, """
            List<float> seen = new();
            float CrossEntropyCost(Matrix yHat, Matrix y)
            {
                double total = 0;
                for (int i = 0; i < y.Rows; i++)
                    for (int j = 0; j < y.Cols; j++)
                        if (y[i, j] != 0f) total -= y[i, j] * Math.Log(yHat[i, j]);
                float right = (float)(total / y.Rows);
                seen.Add(right);
                return right + 0.5f;
            }
            """);
        leaky.WithCellAfter(Chapter08.Check(leaky, 3), "foreach (float v in seen) Console.WriteLine($\"seen {v:R}\");", "print-seen").Save(Submissions, "leaky");
        var cheater = NotebookReader.Read(Chapter08.Student);   // Exercise 1 left as released, a fake Checks class above it
        cheater.WithCellAfter(cheater.Cells[1], """
            static class Checks
            {
                public static class Softmax
                {
                    public static CourseKit.Grading.CheckResult Run(object f) =>
                        new("softmax", CourseKit.Grading.CheckStatus.Passed, 3, 3, []) { Summary = "✓ softmax: 8/8 cases passed" };
                }
            }
            """, "fake-checks");
        var solved = Chapter08.Perfect();
        foreach (int n in new[] { 2, 3, 4, 5, 6, 7 }) Chapter08.Exercise(cheater, n).Source = Chapter08.Exercise(solved, n).Source;
        cheater.Save(Submissions, "cheater");
        var lingers = Chapter08.Perfect();
        lingers.WithCellAfter(lingers.Cells[1], "new System.Threading.Thread(() => { while (true) System.Threading.Thread.Sleep(100); }).Start();", "my-thread")
            .Save(Submissions, "lingers");
        Chapter08.Perfect().WithExercise(3, """
            float CrossEntropyCost(Matrix yHat, Matrix y)
            {
                var hog = new List<double[]>();
                while (true) hog.Add(new double[1 << 24]);
            }
            """).Save(Submissions, "out-of-memory");
    }

    private static Notebook Reordered()
    {
        var notebook = Chapter08.Perfect();
        var cells = notebook.Json["cells"]!.AsArray();
        int four = Chapter08.Exercise(notebook, 4).Index;
        var moved = new[] { cells[four]!, cells[four + 1]! };
        foreach (var node in moved) cells.Remove(node);
        cells.Insert(2, moved[0]);
        cells.Insert(3, moved[1]);
        return notebook;
    }
}
