namespace CourseKit.Display;

/// <summary>
/// A convention-based formatter (see <see cref="TypeFormatterSourceAttribute"/>): renders instances of
/// <typeparamref name="T"/> as <see cref="MimeType"/> text.
/// </summary>
public sealed class MimeFormatter<T>(string mimeType, Action<T, TextWriter> write)
{
    /// <summary>The MIME type written, e.g. <c>text/html</c>.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type formatted (read by .NET Interactive when present).</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/> when it is a <typeparamref name="T"/>; returns whether it did.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not T value) return false;
        write(value, writer);
        return true;
    }
}

/// <summary>MIME types CourseKit writes.</summary>
public static class MimeTypes
{
    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>JSON.</summary>
    public const string Json = "application/json";

    /// <summary>A check's result as JSON (name, status, points), which <c>coursekit run</c> and <c>grade</c> collect from outputs.</summary>
    public const string CheckResult = Grading.Protocol.ProtocolMimeTypes.CheckResult;

    /// <summary>A plotly figure (data + layout), the MIME type JupyterLab's plotly extension renders.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";
}
