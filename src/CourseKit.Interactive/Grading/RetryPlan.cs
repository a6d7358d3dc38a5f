namespace CourseKit.Interactive.Grading;

/// <summary>
/// What the grader changes before running a submission again after an attempt died: the exercise the dead cell belongs
/// to is scored 0 with the reason and gets its stub back; a cell the learner added is left out. Each exercise and each
/// cell at most once, so the attempts are bounded by the number of exercises plus the learner's cells.
/// </summary>
public sealed class RetryPlan
{
    private readonly Dictionary<int, string> _neutralized = [];
    private readonly Dictionary<int, string> _skipped = [];
    private readonly Dictionary<int, AttemptDeath> _lost = [];
    private readonly List<GradeNote> _notes = [];

    /// <summary>Exercises replaced by their stub, with why.</summary>
    public IReadOnlyDictionary<int, string> Neutralized => _neutralized;

    /// <summary>The learner's added cells left out (by their number in the learner's notebook), with why.</summary>
    public IReadOnlyDictionary<int, string> Skipped => _skipped;

    /// <summary>Exercises scored 0, with why.</summary>
    public IReadOnlyDictionary<int, AttemptDeath> Lost => _lost;

    /// <summary>Notes about the retries.</summary>
    public IReadOnlyList<GradeNote> Notes => _notes;

    /// <summary>Whether any attempt hit a time limit.</summary>
    public bool TimedOut { get; private set; }

    /// <summary>Whether any attempt's process died.</summary>
    public bool Crashed { get; private set; }

    /// <summary>Records <paramref name="death"/>; returns true when running again can grade more, false when it cannot.</summary>
    public bool Next(AttemptDeath death)
    {
        ArgumentNullException.ThrowIfNull(death);
        TimedOut |= death.Kind == DeathKind.TimedOut;
        Crashed |= death.Kind == DeathKind.Crashed;
        var cell = death.Cell;
        if (cell is { Role: CellRole.Exercise or CellRole.Check, Exercise: int exercise } && _neutralized.TryAdd(exercise, StubReason.Retried))
        {
            _lost[exercise] = death;
            _notes.Add(new(exercise, $"Exercise {exercise}: {death.Reason} (cell {cell.Number}); it was scored 0 and the notebook was graded again without your code for it."));
            return true;
        }
        if (cell is { Role: CellRole.Added, LearnerNumber: int number } && _skipped.TryAdd(number, $"an earlier run of this notebook did not survive this cell ({death.Reason})"))
        {
            _notes.Add(new(cell.Exercise, $"cell {number}, a cell you added: {death.Reason}; it was left out and the notebook was graded again."));
            return true;
        }
        string where = cell is null ? "before any cell ran" : $"in cell {cell.Number}";
        _notes.Add(new(null, $"grading stopped {where}: {death.Reason}; the checks that had not run were scored 0."));
        return false;
    }
}
