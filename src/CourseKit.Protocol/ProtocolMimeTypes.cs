namespace CourseKit.Grading.Protocol;

/// <summary>The MIME types of the grading protocol, declared once for the library, the engine, the site and the grader.</summary>
public static class ProtocolMimeTypes
{
    /// <summary>A check's result, <see cref="CheckReport"/> as JSON, beside its HTML and plain text in a cell's outputs.</summary>
    public const string CheckResult = "application/vnd.coursekit.check+json";
}
