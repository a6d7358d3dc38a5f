using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// Which of a learner's cells is which cell of the assignment, by the assignment's own structure — never by cell ids
/// or metadata, which a learner can copy onto any cell: an exercise cell by its <c>// Exercise N</c> header, a check
/// cell and the assignment's other code cells by their exact text. Every other code cell is the learner's own
/// ("added"), kept after the matched cell it followed. Duplicates, moved cells, and deleted or edited checks are noted.
/// </summary>
public sealed class StructureMatch
{
    private readonly Dictionary<int, int> _exerciseCell = [];          // exercise number → learner index
    private readonly Dictionary<int, int> _copyOf = [];                // learner index → release index (check and assignment copies)
    private readonly Dictionary<int, List<int>> _added = [];           // release index followed (-1: none) → learner indices
    private readonly List<GradeNote> _notes = [];

    private StructureMatch(Notebook learner) => Learner = learner;

    /// <summary>The learner's notebook.</summary>
    public Notebook Learner { get; }

    /// <summary>Whether the notebook is recognizably this assignment (it holds a check cell or another of its code cells).</summary>
    public bool Recognized { get; private set; }

    /// <summary>What the learner should know about how the notebook was read.</summary>
    public IReadOnlyList<GradeNote> Notes => _notes;

    /// <summary>The learner's cell of exercise <paramref name="exercise"/>, or null when none has its header.</summary>
    public NotebookCell? ExerciseCell(int exercise) => _exerciseCell.TryGetValue(exercise, out int i) ? Learner.Cells[i] : null;

    /// <summary>The learner's own cells that followed released cell <paramref name="releaseIndex"/> (-1: before any).</summary>
    public IReadOnlyList<NotebookCell> Added(int releaseIndex) =>
        _added.TryGetValue(releaseIndex, out var list) ? list.Select(i => Learner.Cells[i]).ToList() : [];

    /// <summary>Matches <paramref name="learner"/> against <paramref name="assignment"/>.</summary>
    public static StructureMatch Of(Assignment assignment, Notebook learner)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(learner);
        var match = new StructureMatch(learner);
        var code = learner.Cells.Where(c => c.IsCode).ToList();
        var duplicates = new List<string>();
        match.FindExercises(assignment, code, duplicates);
        match.FindCopies(assignment, code, duplicates);
        match.Recognized = match._copyOf.Count > 0;
        var dropped = match.Edited(assignment, code);
        match.Anchor(assignment, code, dropped);
        match.Explain(assignment, duplicates);
        return match;
    }

    private void FindExercises(Assignment assignment, List<NotebookCell> code, List<string> duplicates)
    {
        foreach (var cell in code)
        {
            if (ExerciseHeader.Of(cell.Source) is not int n || assignment.Exercises.All(e => e.Number != n)) continue;
            if (!_exerciseCell.TryAdd(n, cell.Index))
                duplicates.Add($"Exercise {n} has a second cell (cell {cell.Number}; cell {_exerciseCell[n] + 1} was graded, this one ran as your own cell)");
        }
    }

    private void FindCopies(Assignment assignment, List<NotebookCell> code, List<string> duplicates)
    {
        var byText = assignment.Cells.Where(c => c.IsCode && CellRoles.RoleOf(c) != "exercise")
            .GroupBy(c => Normalize(c.Source)).ToDictionary(g => g.Key, g => new Queue<int>(g.Select(c => c.Index)));
        foreach (var cell in code.Where(c => !_exerciseCell.ContainsValue(c.Index)))
        {
            if (!byText.TryGetValue(Normalize(cell.Source), out var releases)) continue;
            if (releases.TryDequeue(out int release)) _copyOf[cell.Index] = release;
            else
            {
                _copyOf[cell.Index] = -2;   // a repeated copy: not run twice
                duplicates.Add($"cell {cell.Number} repeats a cell of the assignment; it ran once, where the assignment has it");
            }
        }
    }

    // A check cell that is missing while the cell right after its exercise is unmatched: that cell is the edited check.
    private HashSet<int> Edited(Assignment assignment, List<NotebookCell> code)
    {
        var dropped = new HashSet<int>();
        foreach (var check in assignment.Checks.Where(c => !_copyOf.ContainsValue(c.ReleaseIndex)))
        {
            string which = check.Exercise is { } n ? $"Exercise {n}" : $"cell {check.ReleaseIndex + 1}";
            int at = check.Exercise is { } e && _exerciseCell.TryGetValue(e, out int ex) ? code.FindIndex(c => c.Index == ex) + 1 : -1;
            bool edited = at > 0 && at < code.Count && !_copyOf.ContainsKey(code[at].Index) && !_exerciseCell.ContainsValue(code[at].Index);
            if (edited) dropped.Add(code[at].Index);
            if (Recognized) _notes.Add(new(check.Exercise, edited ? $"the check cell for {which} was edited; the original was used." : $"the check cell for {which} was deleted; the original was restored."));
        }
        return dropped;
    }

    private void Anchor(Assignment assignment, List<NotebookCell> code, HashSet<int> dropped)
    {
        int anchor = -1;
        var order = new List<int>();
        foreach (var cell in code)
        {
            int? release = _copyOf.TryGetValue(cell.Index, out int r) ? r
                : _exerciseCell.ContainsValue(cell.Index) ? assignment.Exercises.First(e => _exerciseCell[e.Number] == cell.Index).ReleaseIndex(assignment) : null;
            if (release is >= 0) { anchor = release.Value; order.Add(anchor); continue; }
            if (release is not null || dropped.Contains(cell.Index) || !Recognized) continue;
            if (!_added.TryGetValue(anchor, out var list)) _added[anchor] = list = [];
            list.Add(cell.Index);
        }
        if (order.Zip(order.Skip(1)).Any(p => p.Second < p.First))
            _notes.Add(new(null, "cells were moved; they were run in the assignment's order (your own cells after the cell they followed)."));
    }

    private void Explain(Assignment assignment, List<string> duplicates)
    {
        if (!Recognized)
        {
            _notes.Clear();
            _notes.Add(new(null, $"this notebook shares no check cell or other code cell with '{assignment.Name}': is it from another assignment? " +
                "It was graded as far as possible: exercise cells were matched by their '// Exercise N' header, and the other cells were replaced by the assignment's."));
            return;
        }
        foreach (var exercise in assignment.Exercises.Where(e => !_exerciseCell.ContainsKey(e.Number)))
            _notes.Add(new(exercise.Number, $"the cell of Exercise {exercise.Number} is missing; the exercise was graded as not done."));
        if (duplicates.Count > 0) _notes.Add(new(null, "duplicated cells: " + string.Join("; ", duplicates) + "."));
    }

    private static string Normalize(string source) => source.ReplaceLineEndings("\n").Trim();
}

/// <summary>The exercise number of a cell whose first non-empty line reads <c>// Exercise N …</c>, or null.</summary>
public static class ExerciseHeader
{
    /// <summary>N, or null.</summary>
    public static int? Of(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string? first = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (first is null || !first.StartsWith("//", StringComparison.Ordinal)) return null;
        var words = first.TrimStart('/').Trim().Split(' ', 3);
        return words.Length >= 2 && words[0] == "Exercise" && int.TryParse(words[1].TrimEnd(':', '.', '—'), out int n) ? n : null;
    }
}
