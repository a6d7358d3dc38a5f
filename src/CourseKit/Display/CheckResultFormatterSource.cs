using CourseKit.Grading;

namespace CourseKit.Display;

/// <summary>
/// Formatters for <see cref="CheckResult"/>: <c>text/plain</c> (the one line, then details on failure), <c>text/html</c>
/// (a green/red/grey badge line and a table of cases) and <c>application/vnd.coursekit.check+json</c> (for the grader).
/// </summary>
public sealed class CheckResultFormatterSource
{
    /// <summary>The three formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<CheckResult>(MimeTypes.Html, CheckResultHtml.Write),
        new MimeFormatter<CheckResult>(MimeTypes.PlainText, (r, w) => w.Write(r.ToString())),
        new MimeFormatter<CheckResult>(MimeTypes.CheckResult, CheckResultJson.Write),
    ];
}
