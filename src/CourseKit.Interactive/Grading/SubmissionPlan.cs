using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Grading;

/// <summary>The role a cell of the graded notebook plays.</summary>
public enum CellRole
{
    /// <summary>A cell of the assignment other than exercises and checks: it runs as released.</summary>
    Assignment,

    /// <summary>An exercise cell: the learner's code (or the released stub).</summary>
    Exercise,

    /// <summary>A check cell: the grader's probe runs in its place.</summary>
    Check,

    /// <summary>A cell the learner added.</summary>
    Added,
}

/// <summary>One cell of the graded notebook.</summary>
/// <param name="Number">Its 1-based position in the graded notebook.</param>
/// <param name="Role">What it is.</param>
/// <param name="Exercise">The exercise it belongs to: its own for exercise and check cells, the one above it for added cells.</param>
/// <param name="Source">What runs (a check cell's released source: the probe is made from it).</param>
/// <param name="Cell">The cell it comes from: the learner's for exercise and added cells, else the released one.</param>
/// <param name="Check">The check, for a check cell.</param>
/// <param name="Runs">Whether it is sent to run: code cells up to the last check (later ones cannot change a score).</param>
/// <param name="Stubbed">Why the learner's code was replaced (a stub or a comment runs instead), or null.</param>
public sealed record PlannedCell(int Number, CellRole Role, int? Exercise, string Source, NotebookCell Cell, AssignmentCheck? Check, bool Runs, string? Stubbed = null)
{
    /// <summary>Whether the source is the learner's (an exercise or added cell that was not stubbed).</summary>
    public bool IsLearnerCode => Role is CellRole.Exercise or CellRole.Added && Stubbed is null && Cell.IsCode;

    /// <summary>The learner's cell number in their own notebook, for messages (null for the assignment's cells).</summary>
    public int? LearnerNumber => Role is CellRole.Exercise or CellRole.Added && Stubbed != StubReason.Missing ? Cell.Number : null;
}

/// <summary>Why a planned cell does not run the learner's code.</summary>
public static class StubReason
{
    /// <summary>The exercise's cell is missing.</summary>
    public const string Missing = "missing";

    /// <summary>An earlier run died in it.</summary>
    public const string Retried = "retried";
}

/// <summary>
/// The graded notebook: the assignment's cells in the assignment's order, the learner's exercise cells in their places,
/// the learner's own cells after the cell they followed, check cells as the grader's; exercises whose code an earlier
/// run died in get their stub back, and such added cells are left out.
/// </summary>
public static class SubmissionPlan
{
    /// <summary>The comment that replaces a learner's added cell that does not run.</summary>
    public const string LeftOut = "// left out by the grader: ";

    /// <summary>The plan for <paramref name="match"/>.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="match">The learner's notebook matched against it.</param>
    /// <param name="neutralize">Exercises that get their stub back, with why.</param>
    /// <param name="skip">Numbers (in the learner's notebook) of added cells to leave out, with why.</param>
    public static IReadOnlyList<PlannedCell> Build(Assignment assignment, StructureMatch match,
        IReadOnlyDictionary<int, string> neutralize, IReadOnlyDictionary<int, string> skip)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(match);
        var cells = new List<PlannedCell>();
        int lastCheck = assignment.Checks.Max(c => c.ReleaseIndex);
        int? region = null;
        bool runs = true;
        void Emit(CellRole role, int? exercise, string source, NotebookCell cell, AssignmentCheck? check = null, string? stubbed = null) =>
            cells.Add(new PlannedCell(cells.Count + 1, role, exercise, source, cell, check, runs && cell.IsCode, stubbed));
        void EmitAdded(NotebookCell cell) =>
            Emit(CellRole.Added, region, skip.TryGetValue(cell.Number, out var why) ? LeftOut + why : cell.Source, cell, stubbed: skip.GetValueOrDefault(cell.Number));

        foreach (var cell in match.Added(-1)) EmitAdded(cell);
        foreach (var released in assignment.Cells)
        {
            string? role = CellRoles.RoleOf(released);
            int? exercise = Assignment.ExerciseOf(released);
            if (role == "exercise")
            {
                region = exercise;
                var mine = match.ExerciseCell(exercise!.Value);
                string? stubbed = mine is null ? StubReason.Missing : neutralize.GetValueOrDefault(exercise.Value);
                Emit(CellRole.Exercise, exercise, stubbed is null ? mine!.Source : released.Source, mine ?? released, stubbed: stubbed);
            }
            else if (role == "check") Emit(CellRole.Check, exercise, released.Source, released, assignment.Checks.Single(c => c.ReleaseIndex == released.Index));
            else Emit(CellRole.Assignment, region, released.Source, released);
            if (released.Index == lastCheck) runs = false;
            foreach (var cell in match.Added(released.Index)) EmitAdded(cell);
        }
        return cells;
    }
}

/// <summary>Turns a plan into what runs: refused learner cells stubbed, check cells into probes.</summary>
public static class PlanRequest
{
    /// <summary>
    /// <paramref name="plan"/> with each refused learner cell replaced: an exercise by its released stub, an added cell
    /// by a comment; <see cref="PlannedCell.Stubbed"/> says why.
    /// </summary>
    public static IReadOnlyList<PlannedCell> WithoutRefused(IReadOnlyList<PlannedCell> plan, Assignment assignment, IReadOnlyList<Refusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(refusals);
        return plan.Select(cell => refusals.FirstOrDefault(r => r.Cell.Number == cell.Number) is not { } refusal ? cell : cell with
        {
            Source = cell.Role == CellRole.Exercise
                ? assignment.Exercises.Single(e => e.Number == cell.Exercise).StubSource
                : SubmissionPlan.LeftOut + "it uses " + refusal.Area,
            Stubbed = $"not run: {refusal.Where} uses {refusal.Use} ({refusal.Area}), which graded code may not use",
        }).ToList();
    }

    /// <summary>The request for the sandboxed process: the cells that run, check cells as probes carrying <paramref name="payloads"/> (by check cell id).</summary>
    public static global::CourseKit.Grading.Protocol.GradeRequest Request(IReadOnlyList<PlannedCell> plan, IReadOnlyDictionary<string, string> payloads, TimeSpan cellTimeout, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(payloads);
        var cells = plan.Where(c => c.Runs).Select(c => c.Check is { } check
            ? new global::CourseKit.Grading.Protocol.RequestCell(c.Number, check.Call.Probe(payloads[check.CellId]), true)
            : new global::CourseKit.Grading.Protocol.RequestCell(c.Number, c.Source, false)).ToList();
        return new global::CourseKit.Grading.Protocol.GradeRequest(cells, cellTimeout.TotalSeconds, baseDirectory);
    }
}
