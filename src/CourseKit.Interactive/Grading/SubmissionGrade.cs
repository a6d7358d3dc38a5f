using CourseKit.Grading;

namespace CourseKit.Interactive.Grading;

/// <summary>One case of a check as the feedback shows it (hidden cases' messages never hold expected values).</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Hidden">Whether it is a hidden case (grading only).</param>
/// <param name="Message">What was wrong, or empty.</param>
public sealed record CaseGrade(string Name, bool Passed, bool Hidden, string Message);

/// <summary>One check of a submission, scored.</summary>
/// <param name="Exercise">The exercise it grades, or null.</param>
/// <param name="CellId">The check cell's id.</param>
/// <param name="Name">The check's name ("softmax").</param>
/// <param name="Status">The check's status, as the grader judged it.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points possible.</param>
/// <param name="Summary">The check's one line, or why it has no result.</param>
/// <param name="Cases">The cases, when the check ran.</param>
public sealed record CheckGrade(int? Exercise, string CellId, string Name, CheckStatus Status, double Points, double MaxPoints, string Summary, IReadOnlyList<CaseGrade> Cases)
{
    /// <summary>Whether the check passed in full.</summary>
    public bool Passed => Status == CheckStatus.Passed;
}

/// <summary>How the grading of a submission ended.</summary>
public enum SubmissionOutcome
{
    /// <summary>Graded (possibly with exercises lost to a timeout or a crash; see the checks and notes).</summary>
    Graded,

    /// <summary>The file is not a notebook: 0.</summary>
    NotANotebook,

    /// <summary>The notebook has no code: 0.</summary>
    Empty,

    /// <summary>No check could be graded: the process died before any, every time.</summary>
    FailedToRun,
}

/// <summary>A graded submission: its checks, notes, and what happened while running it.</summary>
/// <param name="Student">The learner's name (from the file or folder name).</param>
/// <param name="SourcePath">The submitted file.</param>
/// <param name="Outcome">How grading ended.</param>
/// <param name="Exercises">The assignment's exercises (for per-exercise totals).</param>
/// <param name="Checks">Every check of the assignment, in order.</param>
/// <param name="Notes">Notes for the learner and the instructor.</param>
/// <param name="Seconds">Wall time spent on it, retries included.</param>
/// <param name="TimedOut">Whether a cell or the whole run hit a time limit.</param>
/// <param name="Crashed">Whether a grading process died (stack overflow, out of memory …).</param>
public sealed record SubmissionGrade(string Student, string SourcePath, SubmissionOutcome Outcome, IReadOnlyList<AssignmentExercise> Exercises,
    IReadOnlyList<CheckGrade> Checks, IReadOnlyList<GradeNote> Notes, double Seconds, bool TimedOut, bool Crashed)
{
    /// <summary>Set when the submission was graded without a sandbox (<c>--unsandboxed</c>): every result says so.</summary>
    public bool Unsandboxed { get; init; }

    /// <summary>Points earned.</summary>
    public double Score => Checks.Sum(c => c.Points);

    /// <summary>Points possible.</summary>
    public double MaxScore => Checks.Sum(c => c.MaxPoints);

    /// <summary>Points earned in exercise <paramref name="exercise"/>.</summary>
    public double ExercisePoints(int exercise) => Checks.Where(c => c.Exercise == exercise).Sum(c => c.Points);

    /// <summary>Points possible in exercise <paramref name="exercise"/>.</summary>
    public double ExerciseMaxPoints(int exercise) => Checks.Where(c => c.Exercise == exercise).Sum(c => c.MaxPoints);

    /// <summary>A short status for tables: "graded", "not a notebook", "empty", "failed to run", plus "timed out"/"crashed".</summary>
    public string StatusText
    {
        get
        {
            string text = Outcome switch
            {
                SubmissionOutcome.NotANotebook => "not a notebook",
                SubmissionOutcome.Empty => "empty",
                SubmissionOutcome.FailedToRun => "failed to run",
                _ => "graded",
            };
            if (TimedOut) text += "; timed out";
            if (Crashed) text += "; crashed";
            if (Unsandboxed) text += "; unsandboxed";
            return text;
        }
    }
}
