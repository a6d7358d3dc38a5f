using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Execution;

/// <summary>Jupyter <c>error</c> outputs for what goes wrong in a cell, with the cell's own line numbers.</summary>
internal static class ErrorOutputs
{
    /// <summary>The ename of compile errors (and of <c>#r</c> problems found before compiling).</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>Compile errors as "(line,col): error CSxxxx: message", lines counted in the cell.</summary>
    public static JsonObject Compilation(IEnumerable<Diagnostic> errors) =>
        Compilation(errors.Select(d =>
        {
            var start = d.Location.GetLineSpan().StartLinePosition;
            return $"({start.Line + 1},{start.Character + 1}): error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        }).ToList());

    /// <summary>A compile error output from already formatted lines.</summary>
    public static JsonObject Compilation(IReadOnlyList<string> lines) =>
        NotebookOutputs.Error(CompilationError, lines.Count == 1 ? lines[0] : $"{lines[0]} (and {lines.Count - 1} more)", lines);

    /// <summary>An exception the cell threw: ename its type name, evalue its message, traceback with cell lines.</summary>
    public static JsonObject Exception(Exception exception, Func<string, int?> cellOfFile)
    {
        var e = Unwrap(exception);
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        traceback.AddRange(StackTraceMapper.Frames(e, cellOfFile));
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
            traceback.AddRange(StackTraceMapper.Frames(inner, cellOfFile));
        }
        return NotebookOutputs.Error(e.GetType().Name, e.Message, traceback);
    }

    /// <summary>The exception that matters: through <see cref="TargetInvocationException"/> and single-inner <see cref="AggregateException"/>.</summary>
    public static Exception Unwrap(Exception exception)
    {
        var e = exception;
        while (true)
        {
            if (e is TargetInvocationException { InnerException: { } inner }) e = inner;
            else if (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
            else return e;
        }
    }

    /// <summary>Whether an error output's ename says an exercise is not implemented yet.</summary>
    public static bool IsNotImplemented(string? ename) => ename is "NotImplementedException" or "System.NotImplementedException";
}
