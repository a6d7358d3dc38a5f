using System.Diagnostics;
using System.Reflection;

namespace CourseKit.Grading;

/// <summary>
/// Points at the learner's code in an exception: the first stack frame outside CourseKit and the .NET libraries. In a
/// notebook that frame belongs to a script submission (a type named <c>Submission#3</c>), reported as
/// <c>line N of your cell</c>.
/// </summary>
public static class LearnerCode
{
    private static readonly Assembly Library = typeof(LearnerCode).Assembly;

    /// <summary><c>line 4 of your cell</c>, <c>Softmax, line 12 of Exercises.cs</c>, or null when no learner frame is found.</summary>
    public static string? Locate(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            MethodBase? method = frame.GetMethod();
            Type? type = method?.DeclaringType;
            if (method is null || type is null || IsLibrary(type.Assembly)) continue;
            return Describe(Outermost(type).Name, method.Name, frame.GetFileLineNumber(), frame.GetFileName());
        }
        return null;
    }

    /// <summary>How a frame is described: a submission's line, or a named method with its file and line.</summary>
    public static string Describe(string typeName, string methodName, int line, string? file)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(methodName);
        if (typeName.StartsWith("Submission#", StringComparison.Ordinal))
            return line > 0 ? $"line {line} of your cell" : "your cell";
        string where = methodName.Contains('<', StringComparison.Ordinal) ? typeName : $"{typeName}.{methodName}";
        return line > 0 ? $"{where}, line {line}{(file is null ? "" : " of " + Path.GetFileName(file))}" : where;
    }

    /// <summary>
    /// One line for an exception from learner code: <c>InvalidOperationException at line 3 of your cell: message</c>.
    /// The message is the learner's text, so formatters escape it.
    /// </summary>
    public static string DescribeException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string? where = Locate(exception);
        string message = exception.Message.ReplaceLineEndings(" ").Trim();
        return $"{exception.GetType().Name}{(where is null ? "" : " at " + where)}: {message}";
    }

    /// <summary>
    /// An exception reported by the learner's process, for feedback: for a visible case <c>Type at line 3 of your
    /// cell: message</c> with bounded pieces; for a hidden case no message (the learner's code could write the hidden
    /// input into it), and the type's name only when it is one of .NET's own exceptions.
    /// </summary>
    public static string DescribeThrow(string? type, string? where, string? message, bool hidden)
    {
        string name = type is not null && System.Text.RegularExpressions.Regex.IsMatch(type, "^[A-Za-z_][A-Za-z0-9_]{0,79}$") ? type : "an exception";
        string? at = where is not null && where.Length <= 100 && !where.Contains('\n') ? where : null;
        if (hidden)
        {
            string shown = WellKnown.Contains(name) ? name : "an exception";
            string line = at is not null && System.Text.RegularExpressions.Regex.IsMatch(at, "^line [0-9]{1,6} of your cell$") ? " at " + at : "";
            return $"{shown}{line} (messages of hidden cases are not shown)";
        }
        string text = (message ?? "").ReplaceLineEndings(" ").Trim();
        if (text.Length > 300) text = text[..300] + "…";
        return $"{name}{(at is null ? "" : " at " + at)}: {text}";
    }

    private static readonly HashSet<string> WellKnown =
    [
        "Exception", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException", "InvalidOperationException",
        "IndexOutOfRangeException", "NullReferenceException", "DivideByZeroException", "OverflowException", "ArithmeticException",
        "InvalidCastException", "FormatException", "NotSupportedException", "KeyNotFoundException", "OutOfMemoryException",
        "InsufficientExecutionStackException", "RankException", "ArrayTypeMismatchException",
    ];

    /// <summary>The exercise named by a <c>throw new NotImplementedException("Exercise N")</c>, or null.</summary>
    public static string? ExerciseOf(NotImplementedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string message = exception.Message.Trim();
        return message.StartsWith("Exercise", StringComparison.OrdinalIgnoreCase) && message.Length <= 40 ? message : null;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    internal static bool IsLibrary(Assembly assembly)
    {
        if (assembly == Library) return true;
        string name = assembly.GetName().Name ?? "";
        return name is "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System"
            || name.StartsWith("Microsoft.", StringComparison.Ordinal);
    }
}
