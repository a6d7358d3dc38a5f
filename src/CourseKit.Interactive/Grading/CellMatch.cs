using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// Which of a learner's cells is which cell of the assignment: by cell id first; an exercise cell not found by id by
/// its <c>// Exercise N</c> header, a check cell by its exact text. The learner's other cells are "extras", each kept
/// after the matched cell it followed.
/// </summary>
internal sealed class CellMatch
{
    private readonly Dictionary<int, NotebookCell> _byReleaseIndex = [];
    private readonly Dictionary<int, List<NotebookCell>> _extras = [];

    private CellMatch() { }

    /// <summary>Whether any exercise or check cell matched by id (false: probably another assignment).</summary>
    public bool SharesIds { get; private set; }

    /// <summary>Whether the matched cells come in another order than the assignment's.</summary>
    public bool Reordered { get; private set; }

    /// <summary>The learner's cell matched to released cell <paramref name="releaseIndex"/>, or null.</summary>
    public NotebookCell? StudentCellFor(int releaseIndex) => _byReleaseIndex.GetValueOrDefault(releaseIndex);

    /// <summary>The learner's own cells that followed released cell <paramref name="releaseIndex"/> (-1: before any).</summary>
    public IReadOnlyList<NotebookCell> Extras(int releaseIndex) => _extras.TryGetValue(releaseIndex, out var list) ? list : [];

    public static CellMatch Of(Assignment assignment, Notebook student)
    {
        var match = new CellMatch();
        var cells = student.Cells;
        var releaseIndexOf = new Dictionary<int, int>(); // student index → release index
        foreach (var cell in cells)
        {
            if (assignment.Find(cell.Id) is { } released && released.CellType == cell.CellType && !match._byReleaseIndex.ContainsKey(released.Index))
            {
                releaseIndexOf[cell.Index] = released.Index;
                match._byReleaseIndex[released.Index] = cell;
                match.SharesIds |= CellRoles.RoleOf(released) is "exercise" or "check";
            }
        }
        if (!match.SharesIds)
        {
            // Another assignment, or ids lost: keep only what can be recognized; the rest comes from the release.
            match._byReleaseIndex.Clear();
            releaseIndexOf.Clear();
        }
        MatchByContent(assignment, cells, match, releaseIndexOf);
        var order = cells.Where(c => releaseIndexOf.ContainsKey(c.Index)).Select(c => releaseIndexOf[c.Index]).ToList();
        match.Reordered = order.Zip(order.Skip(1)).Any(p => p.Second < p.First);
        if (match.SharesIds) match.CollectExtras(cells, releaseIndexOf);
        return match;
    }

    private static void MatchByContent(Assignment assignment, IReadOnlyList<NotebookCell> cells, CellMatch match, Dictionary<int, int> releaseIndexOf)
    {
        foreach (var released in assignment.Cells.Where(c => !match._byReleaseIndex.ContainsKey(c.Index)))
        {
            string? role = CellRoles.RoleOf(released);
            if (role is not ("exercise" or "check")) continue;
            var candidate = cells.FirstOrDefault(c => c.IsCode && !releaseIndexOf.ContainsKey(c.Index) && (role == "exercise"
                ? SolutionHeader(c.Source) == Assignment.ExerciseOf(released)
                : c.Source.Trim() == released.Source.Trim()));
            if (candidate is null) continue;
            releaseIndexOf[candidate.Index] = released.Index;
            match._byReleaseIndex[released.Index] = candidate;
        }
    }

    private void CollectExtras(IReadOnlyList<NotebookCell> cells, Dictionary<int, int> releaseIndexOf)
    {
        int anchor = -1;
        foreach (var cell in cells)
        {
            if (releaseIndexOf.TryGetValue(cell.Index, out int released)) { anchor = released; continue; }
            if (!_extras.TryGetValue(anchor, out var list)) _extras[anchor] = list = [];
            list.Add(cell);
        }
    }

    private static int? SolutionHeader(string source)
    {
        string? first = source.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        if (first is null || !first.StartsWith("//", StringComparison.Ordinal)) return null;
        var words = first.TrimStart('/').Trim().Split(' ', 3);
        return words.Length >= 2 && words[0] == "Exercise" && int.TryParse(words[1].TrimEnd(':', '.', '—'), out int n) ? n : null;
    }
}
