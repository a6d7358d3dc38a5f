namespace CourseKit.Interactive.Display;

/// <summary>One value rendered in several mime types (<c>text/plain</c> always among them), in insertion order.</summary>
public sealed class MimeBundle
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>The mime types and their content (JSON mime types hold JSON text).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    /// <summary>The content for <paramref name="mimeType"/>, or null.</summary>
    public string? this[string mimeType] => _entries.FirstOrDefault(e => e.Key == mimeType).Value;

    /// <summary>Whether the bundle holds <paramref name="mimeType"/>.</summary>
    public bool Contains(string mimeType) => _entries.Any(e => e.Key == mimeType);

    /// <summary>Adds <paramref name="content"/> as <paramref name="mimeType"/>, unless that type is already present (first wins).</summary>
    public MimeBundle Add(string mimeType, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        ArgumentNullException.ThrowIfNull(content);
        if (!Contains(mimeType)) _entries.Add(new(mimeType, content));
        return this;
    }

    /// <summary>A bundle of one plain-text entry.</summary>
    public static MimeBundle PlainText(string text) => new MimeBundle().Add(KnownMimeTypes.PlainText, text);
}

/// <summary>Mime types the engine itself knows; the check result's is the grading protocol's own.</summary>
public static class KnownMimeTypes
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>A CourseKit check's result (<see cref="global::CourseKit.Grading.Protocol.CheckReport"/> as JSON).</summary>
    public const string CheckResult = global::CourseKit.Grading.Protocol.ProtocolMimeTypes.CheckResult;
}
