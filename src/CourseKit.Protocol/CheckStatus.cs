namespace CourseKit.Grading;

/// <summary>
/// The outcome of a whole check. A check run in a notebook ends <see cref="Passed"/>, <see cref="Failed"/>,
/// <see cref="NotImplemented"/> or <see cref="Error"/>; the grader also gives <see cref="TimedOut"/>,
/// <see cref="Crashed"/> and <see cref="NotRun"/> to a check whose notebook never got to report it.
/// </summary>
public enum CheckStatus
{
    /// <summary>Every case passed.</summary>
    Passed,

    /// <summary>Some case produced a wrong output, changed its input or timed out; or a rule of the exercise was broken.</summary>
    Failed,

    /// <summary>The learner's function still throws <see cref="NotImplementedException"/>.</summary>
    NotImplemented,

    /// <summary>The learner's function threw another exception (or has the wrong signature), or the check could not run.</summary>
    Error,

    /// <summary>Grading only: the exercise's code ran past a time limit.</summary>
    TimedOut,

    /// <summary>Grading only: the process running the exercise's code died (stack overflow, out of memory …).</summary>
    Crashed,

    /// <summary>Grading only: the notebook stopped before the check.</summary>
    NotRun,
}

/// <summary>The outcome of one case.</summary>
public enum CaseStatus
{
    /// <summary>The output matched the reference within the tolerance.</summary>
    Passed,

    /// <summary>Wrong type, shape or values, or the input was changed.</summary>
    Failed,

    /// <summary>The function threw <see cref="NotImplementedException"/>.</summary>
    NotImplemented,

    /// <summary>The function threw another exception.</summary>
    Error,

    /// <summary>The function did not return within the time limit.</summary>
    TimedOut,

    /// <summary>Not run, because an earlier case timed out.</summary>
    Skipped,
}
