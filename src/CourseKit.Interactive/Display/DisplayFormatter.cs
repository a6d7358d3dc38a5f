namespace CourseKit.Interactive.Display;

/// <summary>
/// Turns a value into a <see cref="MimeBundle"/>: every mime type the value's convention formatters
/// (<see cref="FormatterSource"/>) write, plus <c>text/plain</c> (the type's own plain-text formatter, else
/// <see cref="PlainTextFormatter"/>). A formatter that throws never fails the cell: the bundle falls back to plain text
/// with a note saying which formatter failed and why.
/// </summary>
public static class DisplayFormatter
{
    /// <summary>The bundle for <paramref name="value"/>.</summary>
    public static MimeBundle Format(object? value)
    {
        if (value is null or string) return MimeBundle.PlainText(PlainTextFormatter.Format(value));
        var bundle = new MimeBundle();
        try
        {
            foreach (var formatter in FormatterSource.For(value.GetType()))
            {
                if (bundle.Contains(formatter.MimeType)) continue;
                using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                if (formatter.TryFormat(value, writer)) bundle.Add(formatter.MimeType, writer.ToString());
            }
        }
        catch (Exception e)
        {
            return MimeBundle.PlainText($"{SafePlainText(value)}\n(formatter failed, showing plain text: {e.GetType().Name}: {e.Message})");
        }
        if (!bundle.Contains(KnownMimeTypes.PlainText)) bundle.Add(KnownMimeTypes.PlainText, SafePlainText(value));
        return bundle;
    }

    /// <summary>
    /// The bundle for <c>display(value, mimeType)</c>: a string is taken as content of that mime type; any other value
    /// keeps only <paramref name="mimeType"/> from its formatted bundle (its plain text when no formatter writes it).
    /// </summary>
    public static MimeBundle Format(object? value, string mimeType)
    {
        ArgumentException.ThrowIfNullOrEmpty(mimeType);
        if (value is string s) return new MimeBundle().Add(mimeType, s);
        var full = Format(value);
        return new MimeBundle().Add(mimeType, full[mimeType] ?? full[KnownMimeTypes.PlainText]!);
    }

    private static string SafePlainText(object value)
    {
        try { return PlainTextFormatter.Format(value); }
        catch (Exception e) { return $"<{value.GetType().Name}: ToString() threw {e.GetType().Name}: {e.Message}>"; }
    }
}
