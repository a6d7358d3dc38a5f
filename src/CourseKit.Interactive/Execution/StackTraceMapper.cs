using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Turns an exception's stack into traceback lines a learner can read: frames in a cell become
/// "at Method(args) in cell 4, line 3" (the cell's top-level code: "at cell 4, line 3"); the script host's, the
/// async machinery's and the engine's interrupt polls' frames are left out; other frames keep their file and line when known.
/// </summary>
internal static partial class StackTraceMapper
{
    private static readonly string[] HiddenNamespaces =
        ["Microsoft.CodeAnalysis.Scripting", "System.Runtime.CompilerServices", "System.Runtime.ExceptionServices", "System.Threading"];

    public static IEnumerable<string> Frames(Exception exception, Func<string, int?> cellOfFile)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            if (method is null || IsHidden(method)) continue;
            string? file = frame.GetFileName();
            int line = frame.GetFileLineNumber();
            int? cell = file is null ? null : cellOfFile(file);
            string name = DisplayName(method);
            if (cell is not null)
                yield return name.Length == 0 ? $"   at cell {cell}, line {line}" : $"   at {name} in cell {cell}, line {line}";
            else
                yield return file is null || line == 0 ? $"   at {name}" : $"   at {name} in {file}:line {line}";
        }
    }

    private static bool IsHidden(MethodBase method)
    {
        // The interrupt polls the engine compiled into the cell: the learner wrote none of them.
        if (method.DeclaringType == typeof(CellInterrupt)) return true;
        string ns = method.DeclaringType?.Namespace ?? "";
        return HiddenNamespaces.Any(h => ns == h || ns.StartsWith(h + ".", StringComparison.Ordinal));
    }

    // Submission#3.<<Initialize>>d__0.MoveNext() is the cell's top-level code (""); Submission#3.Foo(Int32 n) → Foo(Int32 n);
    // compiler-made names (<<Initialize>>g__Square|0_0, <Main>d__2) are turned back into the source name.
    private static string DisplayName(MethodBase method)
    {
        var type = method.DeclaringType;
        string methodName = method.Name;
        if (type is not null && type.Name.StartsWith('<') && methodName == "MoveNext" && type.DeclaringType is not null)
        {
            methodName = StateMachineName().Match(type.Name) is { Success: true } m ? m.Groups[1].Value : type.Name;
            type = type.DeclaringType;
        }
        if (LocalFunctionName().Match(methodName) is { Success: true } local) methodName = local.Groups[1].Value;
        bool inSubmission = type?.FullName?.StartsWith("Submission#", StringComparison.Ordinal) == true;
        if (inSubmission && methodName is "<Initialize>" or "Initialize") return "";
        string parameters = method.Name == "MoveNext" && methodName != "MoveNext" ? "" :
            string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
        string owner = inSubmission ? Nested(type!) : type?.FullName?.Replace('+', '.') ?? "";
        return $"{(owner.Length > 0 ? owner + "." : "")}{methodName}({parameters})";
    }

    private static string Nested(Type type) => type.DeclaringType is null ? "" : // the Submission#N class itself
        (Nested(type.DeclaringType) is { Length: > 0 } outer ? outer + "." : "") + type.Name;

    [GeneratedRegex("^<(.+?)>d__")]
    private static partial Regex StateMachineName();

    [GeneratedRegex("^<.*>g__(.+?)\\|")]
    private static partial Regex LocalFunctionName();
}
