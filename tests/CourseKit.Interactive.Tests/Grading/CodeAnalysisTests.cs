using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Grading;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>The grader's semantic analysis of a learner's cells, before anything runs.</summary>
public class CodeAnalysisTests
{
    private static readonly Lazy<Assignment> Chapter = new(() => Assignment.FromSolution(Chapter08.Solution));

    private static AnalysisResult Analyze(string exercise1, Func<string, string, bool>? watched = null)
    {
        var learner = Chapter08.Perfect().WithExercise(1, exercise1);
        var match = StructureMatch.Of(Chapter.Value, learner);
        var plan = SubmissionPlan.Build(Chapter.Value, match, new Dictionary<int, string>(), new Dictionary<int, string>());
        return CodeAnalysis.Analyze(plan, Chapter.Value.ReleaseFolder, new NotebookRunOptions().Imports, watched ?? ((_, _) => false));
    }

    public static TheoryData<string, string, string> Forbidden => new()
    {
        { "Matrix Softmax(Matrix z) { var s = System.IO.File.ReadAllText(\"/autograder/source/seed\"); return z; }", "File", "files" },
        { "Matrix Softmax(Matrix z) => z;\n_ = Checks.Softmax.Name;", "Checks", "the check machinery" },
        { "Matrix Softmax(Matrix z) { _ = z.GetType().GetMethods(); return z; }", "GetMethods", "reflection" },
        { "Matrix Softmax(Matrix z) { Environment.SetEnvironmentVariable(\"COURSEKIT_GRADING\", \"0\"); return z; }", "Environment.SetEnvironmentVariable", "the environment and the process" },
        { "Matrix Softmax(Matrix z) { System.Diagnostics.Process.Start(\"sh\"); return z; }", "Process", "processes" },
        { "Matrix Softmax(Matrix z) { Console.SetOut(System.IO.TextWriter.Null); return z; }", "Console.SetOut", "console redirection" },
        { "Matrix Softmax(Matrix z) { dynamic d = z; return d; }", "dynamic", "dynamic" },
        { "unsafe Matrix Softmax(Matrix z) => z;", "unsafe", "interop and unsafe code" },
        { "#r \"/tmp/evil.dll\"\nMatrix Softmax(Matrix z) => z;", "#r", "#r and #load" },
        { "Matrix Softmax(Matrix z) { AppDomain.CurrentDomain.ProcessExit += (_, _) => { }; return z; }", "AppDomain", "the environment and the process" },
        { "Matrix Softmax(Matrix z) { var d = (Func<Matrix, Matrix>)Softmax; _ = d.Method; return z; }", "Delegate.Method", "reflection" },
        { "Matrix Softmax(Matrix z) { System.Runtime.CompilerServices.Unsafe.SkipInit(out int x); return z; }", "Unsafe", "interop and unsafe code" },
        { "Matrix Softmax(Matrix z) { var h = new System.Net.Http.HttpClient(); return z; }", "HttpClient", "the network" },
        { "Matrix Softmax(Matrix z) { var e = System.Linq.Expressions.Expression.Constant(1); return z; }", "Expression", "reflection" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_learner_cell_reaching_outside_what_graded_code_may_use_is_refused_naming_the_line(string code, string use, string area)
    {
        var refusal = Assert.Single(Analyze(code).Refusals);
        Assert.Equal(CellRole.Exercise, refusal.Cell.Role);
        Assert.True(refusal.Use.Contains(use, StringComparison.Ordinal), $"{refusal.Use} ({refusal.Area}) at {refusal.Line}");
        Assert.Equal(area, refusal.Area);
        Assert.InRange(refusal.Line, 1, 3);
    }

    [Fact]
    public void Honest_code_with_loops_math_linq_threads_and_the_library_passes()
    {
        var result = Analyze("""
            Matrix Softmax(Matrix z)
            {
                var a = new Matrix(z.Rows, z.Cols);
                var rows = Enumerable.Range(0, z.Rows).ToList();
                Parallel.ForEach(rows, i =>
                {
                    float max = z.Row(i).ToArray().Max(), sum = 0;
                    for (int j = 0; j < z.Cols; j++) sum += a[i, j] = MathF.Exp(z[i, j] - max);
                    for (int j = 0; j < z.Cols; j++) a[i, j] /= sum;
                });
                Console.WriteLine($"{Environment.NewLine}{a.Rows} rows, {new System.Diagnostics.Stopwatch().ElapsedMilliseconds} ms");
                return a;
            }
            """);
        Assert.Empty(result.Refusals);
        Assert.Empty(result.CompileErrors);
    }

    [Fact]
    public void Uses_of_watched_members_are_reported_with_their_line_in_every_form()
    {
        bool Watched(string type, string member) => type == "CourseKit.Tensors.MatrixFunctions" && member == "Softmax";
        var result = Analyze("Matrix Helper(Matrix z) => z;\nFunc<Matrix, Matrix> f = MatrixFunctions.Softmax;\nMatrix Softmax(Matrix z) => z.Softmax();", Watched);
        Assert.Equal([3, 4], result.Uses.Select(u => u.Line));   // line 1 is the exercise header
        Assert.All(result.Uses, u => Assert.Equal(("CourseKit.Tensors.MatrixFunctions", "Softmax"), (u.TypeFullName, u.Member)));
    }

    [Fact]
    public void A_cell_that_does_not_compile_is_known_before_running()
    {
        var result = Analyze("Matrix Softmax(Matrix z) => z +;");
        var first = result.CompileErrors.MinBy(e => e.Key);
        Assert.Contains("error CS1525", first.Value);   // the broken cell itself
        // Cells after it that call Exercise 1's Softmax (exercises 5 and 7 build on it) fail only because it is missing.
        Assert.All(result.CompileErrors.Where(e => e.Key != first.Key), e => Assert.Contains("error CS0103: The name 'Softmax", e.Value));
    }
}
