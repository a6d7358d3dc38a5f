using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Cli.Bench;

/// <summary>
/// Writes a class of chapter-8 submissions for the grading benchmark, built from the released notebook with the
/// solution's code: per ten learners four perfect, two partial (later exercises left as stubs), one wrong, one with a
/// compile error, one looping forever in Exercise 1 and one overflowing the stack in Exercise 3.
/// </summary>
internal static class GradeClassGenerator
{
    /// <summary>The kinds, in the order learner i gets kind i mod 10.</summary>
    public static readonly string[] Kinds = ["perfect", "perfect", "perfect", "perfect", "partial", "partial", "wrong", "compile-error", "loop", "stack-overflow"];

    /// <summary>Writes <paramref name="students"/> notebooks into <paramref name="folder"/> as student-NN-KIND.ipynb.</summary>
    public static void Write(Assignment assignment, string solutionPath, int students, string folder)
    {
        var solved = NotebookReader.Read(solutionPath).Cells.Where(c => c.Id is not null).ToDictionary(c => c.Id!, c => c.Source);
        for (int i = 0; i < students; i++)
        {
            string kind = Kinds[i % Kinds.Length];
            var notebook = NotebookReader.Parse(NotebookWriter.ToText(assignment.Release));
            foreach (var cell in notebook.Cells.Where(c => CellRoles.RoleOf(c) == "exercise"))
            {
                int n = Assignment.ExerciseOf(cell)!.Value;
                string header = cell.Source.Split('\n')[0];
                bool stub = kind == "partial" && n > 2 + i % 2;
                cell.Source = stub ? cell.Source : header + "\n" + (Broken(kind, n) ?? Solved(solved[cell.Id!]));
            }
            NotebookWriter.Write(notebook, Path.Combine(folder, $"student-{i + 1:00}-{kind}.ipynb"));
        }
    }

    private static string Solved(string source) =>
        string.Join('\n', source.Split('\n').Skip(1).Where(l => !l.Contains("BEGIN SOLUTION", StringComparison.Ordinal) && !l.Contains("END SOLUTION", StringComparison.Ordinal)));

    private static string? Broken(string kind, int exercise) => (kind, exercise) switch
    {
        ("wrong", 1) => "Matrix Softmax(Matrix z) => z.Clone();",
        ("wrong", 3) => "float CrossEntropyCost(Matrix yHat, Matrix y) => 0f;",
        ("compile-error", 2) => "Matrix OneHot(int[] labels, int classes) => new Matrix(labels.Length classes);",
        ("loop", 1) => "Matrix Softmax(Matrix z)\n{\n    while (true) { }\n}",
        ("stack-overflow", 3) => "float CrossEntropyCost(Matrix yHat, Matrix y) => CrossEntropyCost(yHat, y) + 1;",
        _ => null,
    };
}
