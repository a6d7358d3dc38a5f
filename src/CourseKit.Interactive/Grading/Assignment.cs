using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Grading;

/// <summary>One exercise of an assignment: its cell in the released notebook, the stub learners start from, its checks.</summary>
/// <param name="Number">The exercise number (<c>// Exercise N — …</c>).</param>
/// <param name="Title">The header without the comment marks and the size hint ("Exercise 1 — softmax of each row of z").</param>
/// <param name="CellId">The exercise cell's id (release keeps the solution's ids).</param>
/// <param name="StubSource">The released source: the solution replaced by the not-implemented stub.</param>
/// <param name="CheckCellIds">The ids of the check cells that grade it, in notebook order.</param>
public sealed record AssignmentExercise(int Number, string Title, string CellId, string StubSource, IReadOnlyList<string> CheckCellIds)
{
    /// <summary>The exercise cell's index among the released cells of <paramref name="assignment"/>.</summary>
    public int ReleaseIndex(Assignment assignment) => assignment.Find(CellId)!.Index;
}

/// <summary>One check cell of an assignment: where it is, the exercise it grades, and the call it makes.</summary>
/// <param name="ReleaseIndex">Its index among the released cells.</param>
/// <param name="CellId">Its cell id in the release.</param>
/// <param name="Exercise">The exercise it grades, or null.</param>
/// <param name="Call">The library check and the learner's function (<c>Checks.Softmax.Run(Softmax)</c>).</param>
/// <param name="Source">The cell's source as released.</param>
public sealed record AssignmentCheck(int ReleaseIndex, string CellId, int? Exercise, CheckCall Call, string Source);

/// <summary>
/// What the grader grades against: the solution notebook released in memory (the student form, with exercise and
/// locked check cells marked in metadata), its exercises and their check cells.
/// </summary>
public sealed class Assignment
{
    private readonly Dictionary<string, int> _indexById;

    private Assignment(Notebook release, string releaseFolder)
    {
        Release = release;
        ReleaseFolder = releaseFolder;
        Cells = release.Cells;
        _indexById = Cells.Where(c => c.Id is not null).GroupBy(c => c.Id!).ToDictionary(g => g.Key, g => g.First().Index);
        Exercises = Cells.Where(c => ExerciseOf(c) is not null && CellRoles.RoleOf(c) == "exercise")
            .Select(c => new AssignmentExercise(ExerciseOf(c)!.Value, TitleOf(c.Source), c.Id!, c.Source,
                Cells.Where(k => CellRoles.RoleOf(k) == "check" && ExerciseOf(k) == ExerciseOf(c)).Select(k => k.Id!).ToList()))
            .ToList();
        Checks = Cells.Where(c => CellRoles.RoleOf(c) == "check").Select(c => new AssignmentCheck(c.Index, c.Id!, ExerciseOf(c),
            CheckCall.Parse(c.Source, out string? problem) ?? throw new InvalidDataException(
                $"{release.Name}, cell {c.Number}: a check cell must read {CheckCall.Form} ({problem}), actual: {c.Source}"), c.Source)).ToList();
    }

    /// <summary>
    /// The folders of the files the released cells <c>#r</c> (relative paths resolve against <see cref="ReleaseFolder"/>):
    /// what the sandboxed process must be able to read.
    /// </summary>
    public IReadOnlyList<string> ReferencedFolders => Cells.Where(c => c.IsCode)
        .SelectMany(c => System.Text.RegularExpressions.Regex.Matches(c.Source, "^\\s*#r\\s+\"(?<target>[^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Multiline))
        .Select(m => m.Groups["target"].Value)
        .Where(t => t.Contains('/') || t.Contains('\\') || t.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Select(t => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(ReleaseFolder, t)))!)
        .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The check cells, in notebook order.</summary>
    public IReadOnlyList<AssignmentCheck> Checks { get; }

    /// <summary>The assignment's name: the solution's file name without extension ("07-softmax-regression").</summary>
    public string Name => Release.Name;

    /// <summary>The student notebook as <c>coursekit release</c> writes it.</summary>
    public Notebook Release { get; }

    /// <summary>The folder the student notebook was released into; relative <c>#r</c> paths resolve against it.</summary>
    public string ReleaseFolder { get; }

    /// <summary>The released cells, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The exercises, in notebook order.</summary>
    public IReadOnlyList<AssignmentExercise> Exercises { get; }

    /// <summary>The ids of every check cell, in notebook order.</summary>
    public IReadOnlyList<string> CheckCellIds => Cells.Where(c => CellRoles.RoleOf(c) == "check").Select(c => c.Id!).ToList();

    /// <summary>The released cell with <paramref name="id"/>, or null.</summary>
    public NotebookCell? Find(string? id) => id is not null && _indexById.TryGetValue(id, out int i) ? Cells[i] : null;

    /// <summary>The exercise a released cell belongs to (exercise and check cells; null for the others).</summary>
    public static int? ExerciseOf(NotebookCell cell) =>
        cell.Metadata?[CellRoles.MetadataKey] is JsonObject info && info["exercise"] is JsonValue v && v.TryGetValue(out int n) ? n : null;

    /// <summary>
    /// Reads the solution notebook at <paramref name="solutionPath"/> and releases it in memory into
    /// <paramref name="releaseFolder"/> (default: <see cref="DefaultReleaseFolder"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The solution is not a notebook, or has no exercises.</exception>
    public static Assignment FromSolution(string solutionPath, string? releaseFolder = null)
    {
        var solution = NotebookReader.Read(solutionPath);
        string folder = Path.GetFullPath(releaseFolder ?? DefaultReleaseFolder(solutionPath));
        // Grading runs exercise and check cells; an example's expected output is only shown to learners, so it is not captured here.
        var assignment = new Assignment(NotebookRelease.Release(solution, folder, ExampleOutputs.NotCaptured), folder);
        if (assignment.Exercises.Count == 0 || assignment.CheckCellIds.Count == 0)
            throw new InvalidDataException($"{solutionPath}: expected a solution notebook with '// Exercise N — …' cells and check cells, actual {assignment.Exercises.Count} exercises and {assignment.CheckCellIds.Count} checks.");
        return assignment;
    }

    /// <summary>Where <c>coursekit release</c> puts the student version: the parent of a <c>solutions</c> folder, else the same folder.</summary>
    public static string DefaultReleaseFolder(string solutionPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(solutionPath))!;
        return Path.GetFileName(folder) == "solutions" ? Path.GetDirectoryName(folder)! : folder;
    }

    private static string TitleOf(string source)
    {
        string header = source.Split('\n').First(l => l.Trim().Length > 0).Trim().TrimStart('/').Trim();
        int hint = header.LastIndexOf('(');
        return (hint > 0 && header.EndsWith(')') ? header[..hint] : header).Trim();
    }
}
