using System.Reflection;

namespace CourseKit.Interactive.Display;

/// <summary>A formatter object found through <see cref="FormatterSource"/>, called by reflection.</summary>
public sealed class ConventionFormatter
{
    private readonly object _formatter;
    private readonly MethodInfo _format;

    private ConventionFormatter(object formatter, string mimeType, MethodInfo format)
    {
        _formatter = formatter;
        MimeType = mimeType;
        _format = format;
    }

    /// <summary>The mime type it writes.</summary>
    public string MimeType { get; }

    /// <summary>The formatter's type name, for messages.</summary>
    public string Name => _formatter.GetType().Name;

    /// <summary>Writes <paramref name="value"/>; returns whether the formatter handled it. Exceptions it throws propagate unwrapped.</summary>
    public bool TryFormat(object value, TextWriter writer)
    {
        try { return _format.Invoke(_formatter, [value, writer]) is true; }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    internal static ConventionFormatter Wrap(object formatter, Type sourceType)
    {
        ArgumentNullException.ThrowIfNull(formatter, $"{sourceType.FullName}.CreateTypeFormatters() item");
        var type = formatter.GetType();
        var mime = type.GetProperty("MimeType")?.GetValue(formatter) as string;
        if (string.IsNullOrEmpty(mime))
            throw new InvalidOperationException($"formatter {type.FullName} from {sourceType.FullName}: expected a non-empty string property MimeType.");
        var format = type.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
        if (format is null || format.ReturnType != typeof(bool))
            throw new InvalidOperationException($"formatter {type.FullName} from {sourceType.FullName}: expected a method bool Format(object, TextWriter).");
        return new ConventionFormatter(formatter, mime, format);
    }
}
