using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Release;

namespace CourseKit.Interactive.Grading;

/// <summary>A submission made ready to run: the notebook, what each cell is, and the notes about what was changed.</summary>
/// <param name="Notebook">The notebook to run.</param>
/// <param name="Cells">One entry per cell, in order.</param>
/// <param name="Notes">What was restored, reordered or neutralized.</param>
public sealed record PreparedSubmission(Notebook Notebook, IReadOnlyList<PreparedCell> Cells, IReadOnlyList<GradeNote> Notes);

/// <summary>
/// Builds the notebook that is graded from a learner's notebook: cells are matched to the assignment by id (exercise
/// cells also by their <c>// Exercise N</c> header, check cells by their text), run in the assignment's order with the
/// learner's own cells after the cell they followed; deleted or edited check cells and missing assignment cells come
/// back from the release, their calls to the library's checks fully qualified (<see cref="CheckQualifier"/>); exercises
/// named in <c>neutralize</c> get the released stub back.
/// </summary>
public static class SubmissionPreparer
{
    /// <summary>Prepares <paramref name="student"/> for grading against <paramref name="assignment"/>.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="student">The learner's notebook (not changed).</param>
    /// <param name="neutralize">Exercises whose cell is replaced by the stub (an earlier run died in them).</param>
    /// <param name="skip">Ids of the learner's own cells to leave out (an earlier run died in them).</param>
    public static PreparedSubmission Prepare(Assignment assignment, Notebook student, IReadOnlySet<int> neutralize, IReadOnlySet<string> skip)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(student);
        var notes = new List<GradeNote>();
        var match = CellMatch.Of(assignment, student);
        bool allFound = assignment.Exercises.All(e => match.StudentCellFor(assignment.Find(e.CellId)!.Index) is not null);
        if (!match.SharesIds && allFound)
            notes.Add(new(null, "this notebook's cells lost their ids (was it copied into a new notebook?): exercise cells were matched by their " +
                "'// Exercise N' header, check cells by their text, and the assignment's other cells were used."));
        else if (!match.SharesIds)
            notes.Add(new(null, $"this notebook shares no exercise or check cells with '{assignment.Name}' (by cell id): is it from another assignment? " +
                "It was graded as far as possible: exercise cells were matched by their '// Exercise N' header, and the other cells were replaced by the assignment's."));
        else if (match.Reordered)
            notes.Add(new(null, "cells were moved; they were run in the assignment's order (your own cells after the cell they followed)."));

        var cells = new List<JsonObject>();
        var roles = new List<(string Role, int? Exercise)>();
        int? region = null;
        void Emit(JsonObject cell, string role, int? exercise) { cells.Add(cell); roles.Add((role, exercise)); }
        foreach (var extra in match.Extras(-1)) Emit(Added(extra, skip), "added", null);
        foreach (var released in assignment.Cells)
        {
            string role = CellRoles.RoleOf(released) ?? "assignment";
            int? exercise = Assignment.ExerciseOf(released);
            if (role == "exercise") region = exercise;
            var mine = match.StudentCellFor(released.Index);
            Emit(role switch
            {
                "check" => Check(released, mine, exercise, notes),
                "exercise" => Exercise(released, mine, exercise!.Value, neutralize, notes),
                _ => Clone(mine ?? released),
            }, role, exercise);
            foreach (var extra in match.Extras(released.Index)) Emit(Added(extra, skip), "added", region);
        }

        if (!match.SharesIds) notes.RemoveRange(1, notes.Count - 1); // the one note says it all; per-cell restorations would be noise

        var json = student.Json.DeepClone().AsObject();
        json["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray());
        var notebook = new Notebook(json, student.Formatting, Path.Combine(assignment.ReleaseFolder, Path.GetFileName(student.Path ?? assignment.Name + ".ipynb")));
        notebook.EnsureCellIds();
        var prepared = notebook.Cells.Select(c => new PreparedCell(c.Number, c.Id!, roles[c.Index].Role, roles[c.Index].Exercise)).ToList();
        return new PreparedSubmission(notebook, prepared, notes);
    }

    private static JsonObject Check(NotebookCell released, NotebookCell? mine, int? exercise, List<GradeNote> notes)
    {
        string which = exercise is { } n ? $"Exercise {n}" : $"cell {released.Number}";
        if (mine is null) notes.Add(new(exercise, $"the check cell for {which} was deleted; the original was restored."));
        else if (CellRoles.Checksum(mine.Source) != CellRoles.Checksum(released.Source))
            notes.Add(new(exercise, $"the check cell for {which} was edited; the original was used."));
        var cell = Clone(released);
        new NotebookCell(cell, 0).Source = CheckQualifier.Qualify(released.Source);
        return cell;
    }

    private static JsonObject Exercise(NotebookCell released, NotebookCell? mine, int exercise, IReadOnlySet<int> neutralize, List<GradeNote> notes)
    {
        if (mine is null)
        {
            notes.Add(new(exercise, $"the cell of Exercise {exercise} is missing; the exercise was graded as not done."));
            return Clone(released);
        }
        var cell = Clone(mine);
        if (neutralize.Contains(exercise)) new NotebookCell(cell, 0).Source = released.Source;
        return cell;
    }

    private static JsonObject Added(NotebookCell cell, IReadOnlySet<string> skip)
    {
        var clone = Clone(cell);
        if (cell.Id is not null && skip.Contains(cell.Id))
            new NotebookCell(clone, 0).Source = "// left out by the grader: an earlier run of this notebook did not survive this cell";
        return clone;
    }

    private static JsonObject Clone(NotebookCell cell) => cell.Json.DeepClone().AsObject();
}
