using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

/// <summary>
/// What a check found: status, points, one result per case, a one-line <see cref="Summary"/> (<c>✓ softmax: 4/4 cases
/// passed</c>) and multi-line <see cref="Details"/> for failures. Renders in notebooks as a badge line with a table of
/// cases (HTML), as text, and as <c>application/vnd.coursekit.check+json</c> for the grader.
/// </summary>
[TypeFormatterSource("CourseKit.Display.CheckResultFormatterSource")]
public sealed record CheckResult(string Name, CheckStatus Status, double Points, double MaxPoints, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>Whether every case passed.</summary>
    public bool Passed => Status == CheckStatus.Passed;

    /// <summary>Number of cases passed.</summary>
    public int PassedCount => Cases.Count(c => c.Passed);

    /// <summary>Whether hidden cases ran (grading mode).</summary>
    public bool IncludesHidden => Cases.Any(c => c.Hidden);

    /// <summary>The one line: <c>✓ softmax: 4/4 cases passed</c>, <c>○ softmax: not implemented yet — …</c>, …</summary>
    public string Summary { get; init; } = "";

    /// <summary>One line per case that did not pass, with hints; empty when the check passed.</summary>
    public string Details { get; init; } = "";

    /// <summary>The result as the protocol carries it (<see cref="ProtocolMimeTypes.CheckResult"/>).</summary>
    public CheckReport ToReport() =>
        new(Name, Status, Points, MaxPoints, Summary, Cases.Select(c => new CaseReport(c.Name, c.Status, c.Hidden, c.Message, c.Hint)).ToList());

    /// <summary>The summary, then the details when there are any.</summary>
    public override string ToString() => Details.Length == 0 ? Summary : Summary + Environment.NewLine + Details;
}
