using System.Text;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Sends <see cref="Console.Out"/> and <see cref="Console.Error"/> to the running cell's writers. While any notebook
/// runs, the console writers are routers that write to the writers of the cell running on the current logical thread
/// (an <see cref="AsyncLocal{T}"/>, so tasks the cell starts follow it, and notebooks run side by side stay apart) and
/// to the original console otherwise; the originals come back when the last run ends.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static readonly AsyncLocal<TextWriter?> CellOut = new();
    private static readonly AsyncLocal<TextWriter?> CellError = new();
    private static int _users;
    private static TextWriter? _originalOut, _originalError;

    /// <summary>Installs the routers (first user) and returns a handle that removes them when the last user disposes.</summary>
    public static IDisposable Begin()
    {
        lock (Gate)
        {
            if (_users++ == 0)
            {
                _originalOut = Console.Out;
                _originalError = Console.Error;
                Console.SetOut(new Router(CellOut, _originalOut));
                Console.SetError(new Router(CellError, _originalError));
            }
        }
        return new End();
    }

    /// <summary>Routes this logical thread's console output to the given writers (call on the cell's own thread).</summary>
    public static void RouteTo(TextWriter stdout, TextWriter stderr)
    {
        CellOut.Value = stdout;
        CellError.Value = stderr;
    }

    private sealed class End : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            lock (Gate)
            {
                if (--_users > 0) return;
                Console.SetOut(_originalOut!);
                Console.SetError(_originalError!);
            }
        }
    }

    private sealed class Router(AsyncLocal<TextWriter?> cell, TextWriter original) : TextWriter
    {
        private TextWriter Target => cell.Value ?? original;
        public override Encoding Encoding => original.Encoding;
        public override void Write(char value) => Target.Write(value);
        public override void Write(string? value) => Target.Write(value);
        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);
        public override void Flush() => Target.Flush();
    }
}
