namespace CourseKit.Grading;

/// <summary>
/// One case's outcome. <see cref="Message"/> says what went wrong (empty when passed); for a hidden case it never
/// contains an expected value.
/// </summary>
public sealed record CaseResult(string Name, bool Hidden, CaseStatus Status, string Message, double Weight = 1)
{
    /// <summary>Whether the case passed.</summary>
    public bool Passed => Status == CaseStatus.Passed;

    /// <summary>A hint shown under a failing case (e.g. "subtract each row's max before exp"), or null.</summary>
    public string? Hint { get; init; }

    /// <summary>The comparison behind a wrong output (null when the case passed by comparison, threw or timed out).</summary>
    public Comparison? Comparison { get; init; }

    /// <summary>One line: <c>✓ lecture example</c> or <c>✗ large logits: wrong values …</c>.</summary>
    public override string ToString() => Passed ? $"✓ {Name}" : $"{Symbols.For(Status)} {Name}: {Message}";
}

/// <summary>The symbols that start a check's and a case's line.</summary>
public static class Symbols
{
    /// <summary>✓ for passed, ○ for not implemented, ✗ otherwise.</summary>
    public static string For(CaseStatus status) => status switch
    {
        CaseStatus.Passed => "✓",
        CaseStatus.NotImplemented or CaseStatus.Skipped => "○",
        _ => "✗",
    };

    /// <summary>✓ for passed, ○ for not implemented, ✗ for failed or error.</summary>
    public static string For(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✓",
        CheckStatus.NotImplemented => "○",
        _ => "✗",
    };
}
