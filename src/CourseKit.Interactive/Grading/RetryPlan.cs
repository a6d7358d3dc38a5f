namespace CourseKit.Interactive.Grading;

/// <summary>
/// What the parent changes before running a submission again after an attempt died: the exercise the dead cell belongs
/// to is scored 0 with the reason and gets its stub back; a cell the learner added is left out. Each exercise and each
/// cell at most once, so the attempts are bounded by the number of exercises plus the learner's cells.
/// </summary>
public sealed class RetryPlan
{
    private readonly HashSet<int> _neutralized = [];
    private readonly HashSet<string> _skipped = [];
    private readonly Dictionary<int, AttemptDeath> _lost = [];
    private readonly List<GradeNote> _notes = [];

    /// <summary>Exercises replaced by their stub.</summary>
    public IReadOnlySet<int> Neutralized => _neutralized;

    /// <summary>Ids of the learner's cells left out.</summary>
    public IReadOnlySet<string> Skipped => _skipped;

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
        if (cell is { Role: "exercise" or "check", Exercise: int exercise } && _neutralized.Add(exercise))
        {
            _lost[exercise] = death;
            _notes.Add(new(exercise, $"Exercise {exercise}: {death.Reason} (cell {cell.Number}); it was scored 0 and the notebook was graded again without your code for it."));
            return true;
        }
        if (cell is { Role: "added" } && _skipped.Add(cell.Id))
        {
            _notes.Add(new(cell.Exercise, $"cell {cell.Number}, a cell you added: {death.Reason}; it was left out and the notebook was graded again."));
            return true;
        }
        string where = cell is null ? "before any cell ran" : $"in cell {cell.Number}";
        _notes.Add(new(null, $"grading stopped {where}: {death.Reason}; the checks that had not run were scored 0."));
        return false;
    }
}
