using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Release;

/// <summary>
/// Turns instructor (solution) notebooks into student notebooks: solution regions replaced by a
/// <c>NotImplementedException</c>, hidden regions removed, outputs cleared, exercise and check cells marked, <c>#r</c>
/// paths rebased to the destination folder, and under each example cell the output it gives in the solution
/// (<see cref="ExampleCells"/>). Deterministic: the same input gives the same bytes.
/// </summary>
public static class NotebookRelease
{
    /// <summary>The student version of <paramref name="solution"/>, to be written into <paramref name="destinationFolder"/>.</summary>
    /// <param name="solution">The instructor's notebook.</param>
    /// <param name="destinationFolder">Where the student version goes (its <c>#r</c> paths are rebased there).</param>
    /// <param name="examples">What the solution's example cells showed (<see cref="ExampleOutputs.Run"/>); required when it has any.</param>
    public static Notebook Release(Notebook solution, string destinationFolder, ExampleOutputs? examples = null)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationFolder);
        string sourceFolder = Path.GetDirectoryName(solution.Path ?? Path.Combine(destinationFolder, "x")) ?? destinationFolder;
        string name = Path.GetFileName(solution.Path ?? "notebook.ipynb");
        var student = NotebookReader.Parse(NotebookWriter.ToText(solution), Path.Combine(Path.GetFullPath(destinationFolder), name));
        student.EnsureCellIds();
        int? lastExercise = null;
        var expected = new List<(int After, System.Text.Json.Nodes.JsonObject Cell)>();
        foreach (var cell in student.Cells)
        {
            if (!cell.IsCode) continue;
            string source = cell.Source;
            int? exercise = SolutionRegions.ExerciseNumber(source);
            if (SolutionRegions.HasMarkers(source)) source = SolutionRegions.Strip(source, cell.Number, name);
            source = ReferencePaths.Rebase(source, sourceFolder, Path.GetFullPath(destinationFolder));
            if (source != cell.Source) cell.Source = source;
            cell.SetResult(null, []);
            if (exercise is { } n) { CellRoles.MarkExercise(cell, n); lastExercise = n; }
            else if (CellRoles.IsCheck(source))
            {
                // The grader builds a check's cases from the library by this call's name: no other form can be graded.
                if (Grading.CheckCall.Parse(source, out string? problem) is null)
                    throw new ReleaseException($"{name}, cell {cell.Number}: a check cell must read {Grading.CheckCall.Form} ({problem}).");
                CellRoles.MarkCheck(cell, lastExercise);
            }
            else if (ExampleCells.IsExample(source)) expected.Add((cell.Index, ExpectedOutput(cell, examples, name)));
        }
        var cells = (System.Text.Json.Nodes.JsonArray)student.Json["cells"]!;
        for (int i = expected.Count - 1; i >= 0; i--) cells.Insert(expected[i].After + 1, expected[i].Cell);
        return student;
    }

    private static System.Text.Json.Nodes.JsonObject ExpectedOutput(NotebookCell example, ExampleOutputs? examples, string notebook)
    {
        if (examples is null)
            throw new ReleaseException($"{notebook}: cell {example.Number} is an example cell; releasing it needs the solution's outputs (coursekit release runs the solution).");
        string text = examples.For(example.Id!)
            ?? throw new ReleaseException($"{notebook}: example cell {example.Number} (id {example.Id}) has no captured output.");
        return ExampleCells.ExpectedOutputCell(example.Id!, text);
    }

    /// <summary>Releases every <c>*.ipynb</c> in <paramref name="sourceFolder"/> into <paramref name="destinationFolder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> ReleaseFolder(string sourceFolder, string destinationFolder)
    {
        var written = new List<string>();
        foreach (var (target, student, text) in Plan(sourceFolder, destinationFolder))
        {
            if (File.Exists(target) && File.ReadAllText(target) == text) continue;
            NotebookWriter.Write(student, target);
            written.Add(target);
        }
        return written;
    }

    /// <summary>The student notebooks in <paramref name="destinationFolder"/> that differ from a fresh release (empty when in sync).</summary>
    public static IReadOnlyList<string> OutOfSync(string sourceFolder, string destinationFolder) =>
        Plan(sourceFolder, destinationFolder)
            .Where(p => !File.Exists(p.Target) || File.ReadAllText(p.Target) != p.Text)
            .Select(p => p.Target)
            .ToList();

    private static IEnumerable<(string Target, Notebook Student, string Text)> Plan(string sourceFolder, string destinationFolder)
    {
        if (!Directory.Exists(sourceFolder))
            throw new DirectoryNotFoundException($"source: folder '{Path.GetFullPath(sourceFolder)}' does not exist.");
        foreach (string path in Directory.GetFiles(sourceFolder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var solution = NotebookReader.Read(path);
            var examples = ExampleOutputs.Needed(solution) ? ExampleOutputs.Run(solution) : null;
            var student = Release(solution, destinationFolder, examples);
            yield return (Path.Combine(destinationFolder, Path.GetFileName(path)), student, NotebookWriter.ToText(student));
        }
    }
}
