using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>
/// Chapter-8 submissions written as a learner who wants full marks without the work would write them. Each is
/// "partial" (Exercises 2–4 solved, Exercise 1 left as released: 4 points of honest work) plus the attack, unless its
/// comment names another honest counterpart. The adversarial suite grades them with honest classmates.
/// </summary>
internal static class Attacks
{
    /// <summary>
    /// Exercises 2–7 solved, Exercise 1 as released: the honest work most attacks sit on, 5 of 13 — one-hot 1, cross-entropy
    /// 2, gradient 1, hardmax 1; the Jacobian (Exercise 5) and the training step (Exercise 7) call Exercise 1's Softmax, so
    /// they score 0 here too.
    /// </summary>
    public static Notebook Partial()
    {
        var notebook = NotebookReader.Read(Chapter08.Student);
        var solved = Chapter08.Perfect();
        foreach (int n in new[] { 2, 3, 4, 5, 6, 7 }) Chapter08.Exercise(notebook, n).Source = Chapter08.Exercise(solved, n).Source;
        return notebook;
    }

    /// <summary>Exercise 1 right only for inputs shaped like the visible cases, zeros otherwise: an honest, partial score.</summary>
    public const string VisibleOnlySoftmax = """
        Matrix Softmax(Matrix z)
        {
            var a = new Matrix(z.Rows, z.Cols);
            if (!((z.Rows, z.Cols) is (1, 4) or (3, 4) or (2, 3) or (3, 1))) return a;
            for (int i = 0; i < z.Rows; i++)
            {
                float max = float.NegativeInfinity, sum = 0;
                for (int j = 0; j < z.Cols; j++) max = MathF.Max(max, z[i, j]);
                for (int j = 0; j < z.Cols; j++) sum += a[i, j] = MathF.Exp(z[i, j] - max);
                for (int j = 0; j < z.Cols; j++) a[i, j] /= sum;
            }
            return a;
        }
        """;

    /// <summary>Each attack: its name, the cells it changes (exercise 1's code, and cells it adds after the setup cell).</summary>
    public static IEnumerable<(string Name, Notebook Notebook)> All()
    {
        // Same process, same user: reach into the checks by reflection, widen tolerances, swap the formatter, turn hidden cases off.
        yield return ("reflection-reference", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            var check = CourseKit.Grading.Checks.Softmax;
            var field = check.GetType().GetField("_reference", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
            field.SetValue(check, (Func<Matrix, Matrix>)(z => z));
            """, "attack"));
        yield return ("reflection-tolerance", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            var exact = typeof(CourseKit.Grading.Tolerance).GetProperty("Exact")!;
            var loose = Activator.CreateInstance(typeof(CourseKit.Grading.Tolerance), 1e9, 1e9, true);
            """, "attack"));
        yield return ("formatter-swap", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            var source = Type.GetType("CourseKit.Display.CheckResultFormatterSource, CourseKit.Core");
            AppDomain.CurrentDomain.SetData("formatter", source);
            """, "attack"));
        yield return ("environment-off", Partial().WithExercise(1, VisibleOnlySoftmax).WithCellAfter(Setup, """
            Environment.SetEnvironmentVariable("COURSEKIT_GRADING", "0");
            Environment.SetEnvironmentVariable("COURSEKIT_HIDDEN_SEED", null);
            """, "attack"));
        // Secrets in reach: the seed and paths in /proc, the solution, a classmate's notebook; hidden inputs through exceptions and shapes.
        yield return ("proc-secrets", Partial().WithExercise(1, """
            Matrix Softmax(Matrix z)
            {
                foreach (var p in System.IO.Directory.GetDirectories("/proc")) { try { Console.WriteLine(System.IO.File.ReadAllText(p + "/cmdline") + System.IO.File.ReadAllText(p + "/environ")); } catch { } }
                return z;
            }
            """));
        yield return ("load-solution", Partial().WithExercise(1, """
            Matrix Softmax(Matrix z)
            {
                var found = System.IO.Directory.GetFiles("/", "07-softmax-regression*", new System.IO.EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true });
                Console.WriteLine(string.Join("\n", found.Select(System.IO.File.ReadAllText)));
                return z;
            }
            """));
        yield return ("exception-leak", Partial().WithExercise(1, """
            Matrix Softmax(Matrix z) => throw new InvalidOperationException("input " + string.Join(",", z.Data.Select(v => v.ToString("R"))));
            """));
        yield return ("shape-leak", Partial().WithExercise(1, """
            Matrix Softmax(Matrix z) => new Matrix(1 + (int)MathF.Abs(z[0, 0] * 1000) % 5000, 1 + (int)MathF.Abs(z.Data[^1] * 1000) % 5000);
            """));
        // Forged results: a fake check output, journal lines from a ProcessExit handler, a process rewriting the gradebook, forged event lines.
        yield return ("fake-check-output", Partial().WithExercise(1, """
            Func<Matrix, Matrix> Softmax = z => throw new Exception("boom");
            display("{\"name\":\"softmax\",\"status\":\"passed\",\"points\":3,\"max_points\":3,\"summary\":\"✓ softmax: 8/8 cases passed\",\"cases\":[]}", "application/vnd.coursekit.check+json");
            """));
        yield return ("process-exit-journal", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.WriteLine("{\"event\":\"answers\",\"cell\":4}");
            """, "attack"));
        yield return ("detached-rewriter", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            System.Diagnostics.Process.Start("/bin/sh", "-c \"(sleep 3; for f in $(find / -name gradebook.csv -o -name results.json 2>/dev/null); do echo hacked > $f; done) &\"");
            """, "attack"));
        yield return ("grandchild-pipes", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            var p = new System.Diagnostics.ProcessStartInfo("/bin/sleep", "600") { UseShellExecute = false };
            System.Diagnostics.Process.Start(p);
            """, "attack"));
        yield return ("forged-events", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z;").WithCellAfter(Setup, """
            var raw = Console.OpenStandardOutput();
            raw.Write(System.Text.Encoding.UTF8.GetBytes(new string('x', 1 << 20) + "\n"));
            """, "attack"));
        // Notebook structure: decoys that take the check cells' ids and metadata.
        var decoy = Partial();
        var check1 = Chapter08.Check(decoy, 1);
        string id = check1.Id!;
        var metadata = check1.Json["metadata"]!.DeepClone();
        decoy.Without(check1);
        decoy.WithCellAfter(Chapter08.Exercise(decoy, 1), "Console.WriteLine(\"✓ softmax: 8/8 cases passed\");", id);
        decoy.Cells[Chapter08.Exercise(decoy, 1).Index + 1].Json["metadata"] = metadata;
        yield return ("decoy-ids", decoy);
        // The class: huge output, a memory hog, a thread bomb.
        yield return ("huge-output", Partial().WithCellAfter(Setup, "for (int i = 0; i < 4000; i++) Console.WriteLine(new string('y', 16000));", "attack"));
        yield return ("thread-bomb", Partial().WithExercise(1, "Matrix Softmax(Matrix z) { while (true) new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)).Start(); }"));
        // The same from a cell of the learner's own, which takes every thread the limit allows and keeps going.
        yield return ("thread-hoard", Partial().WithCellAfter(Setup, """
            for (int i = 0; i < 4000; i++)
            {
                try { new System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = true }.Start(); }
                catch (Exception) { }
            }
            """, "attack"));
        // Library shortcuts: the library's softmax, directly or through a helper in another cell.
        yield return ("library-softmax", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => z.Softmax();"));
        yield return ("helper-indirection", Partial().WithExercise(1, "Matrix Softmax(Matrix z) => lib(z);").WithCellAfter(Setup,
            "Func<Matrix, Matrix> lib = CourseKit.Tensors.MatrixFunctions.Softmax;", "attack"));
    }

    private static NotebookCell Setup => NotebookReader.Read(Chapter08.Student).Cells.First(c => c.IsCode);
}
