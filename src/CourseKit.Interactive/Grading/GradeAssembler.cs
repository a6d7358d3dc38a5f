using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Grading;

/// <summary>Turns the journal of a submission's last attempt, and the retries before it, into its <see cref="SubmissionGrade"/>.</summary>
public static class GradeAssembler
{
    private const int MaxErrorLength = 300;

    /// <summary>
    /// The assignment's checks with their names and points, read from the journal of a run of the released notebook
    /// (every exercise a stub): the grader learns what each check is worth even when a submission never reaches it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A check cell reported no result: the assignment cannot be graded.</exception>
    public static IReadOnlyList<CheckGrade> Templates(Assignment assignment, AttemptJournal releaseRun)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(releaseRun);
        return assignment.CheckCellIds.Select(id =>
        {
            var cell = releaseRun.Cell(id);
            var finish = cell is null ? null : releaseRun.Finished(cell.Number);
            if (finish?["check"] is not JsonObject check)
                throw new InvalidOperationException($"{assignment.Name}: the check cell {id} reported no result when the released notebook ran " +
                    $"({(finish is null ? "it did not run" : AttemptJournal.Text(finish, "error") ?? "no check output")}); is the library built (artifacts/notebook-lib)?");
            return new CheckGrade(cell!.Exercise, id, AttemptJournal.Text(check, "name") ?? id, "not_run", 0, (double?)check["max_points"] ?? 0, "", []);
        }).ToList();
    }

    /// <summary>The grade of a submission whose last attempt is <paramref name="final"/>.</summary>
    public static SubmissionGrade Assemble(string student, string sourcePath, Assignment assignment, IReadOnlyList<CheckGrade> templates,
        AttemptJournal final, AttemptDeath? finalDeath, RetryPlan retries, double seconds)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(retries);
        if (final.Rejection is { } rejected)
        {
            var zero = templates.Select(t => t with { Summary = "not graded: " + rejected.Reason }).ToList();
            var outcome = rejected.Kind == "empty" ? SubmissionOutcome.Empty : SubmissionOutcome.NotANotebook;
            return new(student, sourcePath, outcome, assignment.Exercises, zero, [new(null, rejected.Reason + " The score is 0.")], seconds, false, false);
        }
        var checks = templates.Select(t => Grade(t, final, finalDeath, retries)).ToList();
        var notes = final.Notes.Concat(retries.Notes).Concat(CellFailures(final)).ToList();
        bool nothing = checks.All(c => c.Status is "not_run" or "timed_out" or "crashed");
        var result = new SubmissionGrade(student, sourcePath, nothing && !final.Done ? SubmissionOutcome.FailedToRun : SubmissionOutcome.Graded,
            assignment.Exercises, checks, notes, seconds, retries.TimedOut, retries.Crashed);
        return result;
    }

    private static CheckGrade Grade(CheckGrade template, AttemptJournal final, AttemptDeath? finalDeath, RetryPlan retries)
    {
        if (template.Exercise is int n && retries.Lost.TryGetValue(n, out var death))
            return template with { Status = death.Kind == DeathKind.TimedOut ? "timed_out" : "crashed", Summary = $"✗ {template.Name}: {death.Reason}" };
        var cell = final.Cell(template.CellId);
        var finish = cell is null ? null : final.Finished(cell.Number);
        if (finish is null)
            return template with { Summary = $"✗ {template.Name}: not run — {finalDeath?.Reason ?? "an earlier cell stopped the notebook"}" };
        if (finish["check"] is JsonObject check)
        {
            var cases = (check["cases"] as JsonArray ?? []).OfType<JsonObject>().Select(c => new CaseGrade(
                AttemptJournal.Text(c, "name") ?? "", (bool?)c["passed"] ?? false, (bool?)c["hidden"] ?? false, AttemptJournal.Text(c, "message") ?? "")).ToList();
            double points = Math.Clamp((double?)check["points"] ?? 0, 0, template.MaxPoints);
            return template with
            {
                Status = AttemptJournal.Text(check, "status") ?? "error", Points = points,
                Summary = AttemptJournal.Text(check, "summary") ?? "", Cases = cases,
            };
        }
        string why = Short(AttemptJournal.Text(finish, "error") ?? "no result");
        var exercise = final.Cells.FirstOrDefault(c => c.Role == "exercise" && c.Exercise == template.Exercise);
        var exerciseError = exercise is null ? null : final.Finished(exercise.Number);
        string? cause = exerciseError is not null && AttemptJournal.Text(exerciseError, "status") == "Failed"
            ? $"; your exercise cell failed: {Short(AttemptJournal.Text(exerciseError, "error") ?? "")}" : null;
        return template with { Status = "error", Summary = $"✗ {template.Name}: the check could not run ({why}){cause}" };
    }

    private static IEnumerable<GradeNote> CellFailures(AttemptJournal final) =>
        final.Failures.Where(f => f.Cell.Role is "added" or "assignment").Select(f => new GradeNote(f.Cell.Exercise,
            $"cell {f.Cell.Number}{(f.Cell.Role == "added" ? ", a cell you added," : "")} failed: {Short(f.Error)}"));

    private static string Short(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
}
