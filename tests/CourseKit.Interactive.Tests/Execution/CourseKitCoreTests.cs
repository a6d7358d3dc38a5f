using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Execution;

/// <summary>The library as notebooks load it: artifacts/notebook-lib/CourseKit.Core.dll with its dependencies beside it.</summary>
public class CourseKitCoreTests
{
    /// <summary>Cells that #r the library, run a kernel (System.Numerics.Tensors beside it), and display a type through the library's own attribute.</summary>
    internal static string[] Cells(string reference) =>
    [
        $"#r \"{reference}\"\nusing CourseKit;\nusing CourseKit.Display;\nusing CourseKit.Kernels;\nusing CourseKit.Tensors;",
        "var z = Matrix.FromRows([5f, 2f, -1f, 3f]);\nvar p = new Matrix(1, 4);\nCpuKernels.Softmax(z.AsSpan(), z.Rows, z.Cols, p.AsSpan());\nMath.Round(p.AsSpan().ToArray().Sum(), 4)",
        """
        [TypeFormatterSource(typeof(ProbabilityFormatters))]
        public sealed record Probabilities(float[] Values);
        public sealed class ProbabilityFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() =>
                [new MimeFormatter<Probabilities>(MimeTypes.Html, (v, w) => w.Write($"<p>{string.Join(" ", v.Values.Select(x => x.ToString("0.000")))}</p>"))];
        }
        display(new Probabilities(p.AsSpan().ToArray()));
        """,
        "AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"CourseKit.Core\")",
    ];

    [Fact]
    public void Notebook_loads_the_built_library_runs_a_kernel_and_displays_through_its_formatter_attribute()
    {
        Assert.True(File.Exists(Repo.NotebookLib), $"{Repo.NotebookLib}: expected the library build to have copied it there.");
        const string test = nameof(Notebook_loads_the_built_library_runs_a_kernel_and_displays_through_its_formatter_attribute);
        var result = TestNotebook.Run(test, Cells("../../notebook-lib/CourseKit.Core.dll"));

        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(c => $"cell {c.Number}: {c.ErrorMessage}")));
        Assert.Equal("1", TestNotebook.Text(result.Cells[1], "execute_result"));
        var shown = Assert.Single(result.Cells[2].Outputs);
        Assert.Equal("<p>0.842 0.042 0.002 0.114</p>", NotebookOutputs.Data(shown, "text/html"));
        Assert.Equal("1", TestNotebook.Text(result.Cells[3], "execute_result"));
    }

    [Fact]
    public void A_notebook_in_a_host_without_SQLite_can_use_the_SQLite_study_storage()
    {
        // This test host ships no SQLite: the native library must come from notebook-lib/runtimes/<rid>/native.
        string db = Path.Combine(Repo.TempFolder("sqlite-notebook"), "study.db");
        var result = TestNotebook.Run(nameof(A_notebook_in_a_host_without_SQLite_can_use_the_SQLite_study_storage),
        [
            "#r \"../../notebook-lib/CourseKit.Core.dll\"\nusing CourseKit.Tuning;",
            $"var study = Study.Create(\"s\", Direction.Minimize, new RandomSampler(), seed: 1, storage: new SqliteStorage(@\"{db}\"));\n" +
            "study.Optimize(t => Math.Abs(t.Float(\"x\", -1, 1)), trials: 4);\nstudy.Trials.Count",
        ]);
        Assert.True(result.Succeeded, string.Join("; ", result.Failures.Select(c => $"cell {c.Number}: {c.ErrorMessage}")));
        Assert.Equal("4", TestNotebook.Text(result.Cells[1], "execute_result"));
        Assert.True(File.Exists(db));
    }
}
