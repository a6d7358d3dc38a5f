using System.Text.RegularExpressions;
using CourseKit.Grading;
using CourseKit.Grading.Protocol;

namespace CourseKit.Interactive.Grading;

/// <summary>What the grader knows about a submission's last attempt, to assemble its grade from.</summary>
/// <param name="Plan">The graded notebook's cells.</param>
/// <param name="Log">The last attempt's events.</param>
/// <param name="Death">How the last attempt died, or null.</param>
/// <param name="Retries">The attempts before it.</param>
/// <param name="Analysis">What the grader found in the learner's cells before running them.</param>
/// <param name="Reports">The checks the grader scored (from the answers, or as broken rules), by check cell id.</param>
public sealed record FinalAttempt(IReadOnlyList<PlannedCell> Plan, AttemptLog Log, AttemptDeath? Death, RetryPlan Retries,
    AnalysisResult Analysis, IReadOnlyDictionary<string, CheckReport> Reports);

/// <summary>Turns a submission's last attempt, the scores the grader computed and the retries before it into its <see cref="SubmissionGrade"/>.</summary>
public static partial class GradeAssembler
{
    private const int MaxErrorLength = 300;

    /// <summary>The grade of a submission that was not run at all (not a notebook, empty): 0 with the reason.</summary>
    public static SubmissionGrade Rejected(string student, string sourcePath, Assignment assignment, IReadOnlyList<CheckGrade> templates,
        SubmissionOutcome outcome, string reason, double seconds)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var zero = templates.Select(t => t with { Summary = "not graded: " + reason }).ToList();
        return new(student, sourcePath, outcome, assignment.Exercises, zero, [new(null, reason + " The score is 0.")], seconds, false, false);
    }

    /// <summary>The grade of a submission whose last attempt is <paramref name="final"/>.</summary>
    public static SubmissionGrade Assemble(string student, string sourcePath, Assignment assignment, IReadOnlyList<CheckGrade> templates,
        FinalAttempt final, IReadOnlyList<GradeNote> notes, double seconds)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(final);
        var checks = templates.Select(t => Grade(t, final)).ToList();
        var all = notes.Concat(final.Retries.Notes).Concat(CellFailures(final)).ToList();
        bool nothing = checks.All(c => c.Status is CheckStatus.NotRun or CheckStatus.TimedOut or CheckStatus.Crashed);
        return new SubmissionGrade(student, sourcePath, nothing && !final.Log.Done ? SubmissionOutcome.FailedToRun : SubmissionOutcome.Graded,
            assignment.Exercises, checks, all, seconds, final.Retries.TimedOut, final.Retries.Crashed);
    }

    private static CheckGrade Grade(CheckGrade template, FinalAttempt final)
    {
        if (template.Exercise is int n && final.Retries.Lost.TryGetValue(n, out var death))
            return template with { Status = death.Kind == DeathKind.TimedOut ? CheckStatus.TimedOut : CheckStatus.Crashed, Summary = $"✗ {template.Name}: {death.Reason}" };
        if (final.Reports.TryGetValue(template.CellId, out var report))
        {
            return template with
            {
                Status = report.Status, Points = Math.Clamp(report.Points, 0, template.MaxPoints), Summary = report.Summary,
                Cases = report.Cases.Select(c => new CaseGrade(c.Name, c.Passed, c.Hidden, c.Message)).ToList(),
            };
        }
        var probe = final.Plan.First(c => c.Check?.CellId == template.CellId);
        if (!final.Log.Finished.TryGetValue(probe.Number, out var finish))
            return template with { Status = CheckStatus.NotRun, Summary = $"✗ {template.Name}: not run — {final.Death?.Reason ?? "an earlier cell stopped the notebook"}" };
        string why = Short(finish.Error ?? "no answers");
        var exercise = final.Plan.FirstOrDefault(c => c.Role == CellRole.Exercise && c.Exercise == template.Exercise);
        string? cause = exercise is null ? null : final.Analysis.CompileErrors.TryGetValue(exercise.Number, out var compile) ? "CompilationError: " + compile
            : final.Log.Finished.TryGetValue(exercise.Number, out var failed) && failed.Outcome == CellOutcome.Failed ? failed.Error : null;
        return template with
        {
            Status = CheckStatus.Error,
            Summary = $"✗ {template.Name}: the check could not run ({why}){(cause is null ? "" : "; your exercise cell failed: " + Short(cause))}",
        };
    }

    // Failures of the assignment's cells and the learner's own; a message from after the first probe (which may carry a
    // hidden input the learner's code kept) is left out, the exception's type stays.
    private static IEnumerable<GradeNote> CellFailures(FinalAttempt final)
    {
        int firstProbe = final.Plan.Where(c => c.Role == CellRole.Check).Select(c => c.Number).DefaultIfEmpty(int.MaxValue).Min();
        foreach (var cell in final.Plan.Where(c => c.Role is CellRole.Added or CellRole.Assignment))
        {
            string? error = final.Analysis.CompileErrors.TryGetValue(cell.Number, out var compile) ? "CompilationError: " + compile
                : final.Log.Finished.TryGetValue(cell.Number, out var f) && f.Outcome == CellOutcome.Failed ? f.Error : null;
            if (error is null) continue;
            if (compile is null && cell.Number > firstProbe) error = ErrorName(error) + " (its message is not shown: the cell ran after hidden cases)";
            string which = cell.Role == CellRole.Added ? $"cell {cell.LearnerNumber}, a cell you added," : $"cell {cell.Number}";
            yield return new GradeNote(cell.Exercise, $"{which} failed: {Short(error)}");
        }
    }

    private static string ErrorName(string error)
    {
        string name = error.Split(':', 2)[0];
        return Identifier().IsMatch(name) ? name : "an exception";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,79}$")]
    private static partial Regex Identifier();

    private static string Short(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
}
