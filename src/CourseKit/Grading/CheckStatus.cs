namespace CourseKit.Grading;

/// <summary>The outcome of a whole check.</summary>
public enum CheckStatus
{
    /// <summary>Every case passed.</summary>
    Passed,

    /// <summary>Some case produced a wrong output, changed its input or timed out.</summary>
    Failed,

    /// <summary>The learner's function still throws <see cref="NotImplementedException"/>.</summary>
    NotImplemented,

    /// <summary>The learner's function threw another exception (or has the wrong signature).</summary>
    Error,
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
