using System.Diagnostics;
using System.Text;
using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// Runs one grading child: starts it through the sandbox, writes the request to its standard input, reads its events
/// with bounds into an <see cref="AttemptLog"/> (a broken stream ends the reading and the child), keeps the ends of its
/// standard error, and past the time limit kills it. The child enforces the cell time limit itself; a cell that runs
/// well past it (a child whose threads are used up cannot) ends the run here, as that cell's timeout. Whatever the
/// child leaves behind — processes, pipes — the sandbox removes before this returns.
/// </summary>
internal static class ChildRun
{
    private const int TailLength = 4096; // characters of standard error kept at each end

    public static ChildExit Run(ISandbox sandbox, SandboxSlot slot, GradeRequest request, AttemptLog log, GradeLimits limits)
    {
        var clock = Stopwatch.StartNew();
        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = sandbox.Start(slot) };
        bool killed = false;
        try
        {
            process.Start();
            new Thread(() => Tail(process.StandardError.BaseStream, stderr)) { IsBackground = true, Name = "coursekit grade stderr" }.Start();
            var reader = new Thread(() => Read(process, log)) { IsBackground = true, Name = "coursekit grade events" };
            reader.Start();
            WriteRequest(process, request);
            // Done as soon as the run reached its end: a thread or process the learner's code left behind is not waited for.
            var ended = Task.WhenAny(process.WaitForExitAsync(), log.Ended);
            while (!ended.Wait(TimeSpan.FromMilliseconds(500)))
            {
                if (clock.Elapsed > limits.SubmissionTimeout) { killed = true; break; }
                if (log.RunningLongerThan(Backstop(limits.CellTimeout)) is { } cell) { log.Hung(cell); break; }
            }
            if (!killed && !log.Ended.IsCompleted && !reader.Join(TimeSpan.FromSeconds(10))) killed = true;   // a grandchild holding the pipe
        }
        finally
        {
            sandbox.Stop(process, slot);   // the whole process tree, whatever happened
        }
        process.WaitForExit(TimeSpan.FromSeconds(10));
        int code = process.HasExited ? process.ExitCode : -1;
        lock (stderr) return new ChildExit(code, killed, stderr.ToString());
    }

    /// <summary>How long the grader lets a cell run before it ends the run itself: the child's own limit, with room for a loaded machine.</summary>
    public static TimeSpan Backstop(TimeSpan cellTimeout) => cellTimeout * 1.5 + TimeSpan.FromSeconds(15);

    private static void WriteRequest(Process process, GradeRequest request)
    {
        try
        {
            using var stdin = process.StandardInput;
            stdin.Write(request.ToJson());
        }
        catch (IOException) { } // the child died before reading it all: its exit says why
    }

    private static void Read(Process process, AttemptLog log)
    {
        var lines = new BoundedLineReader(process.StandardOutput.BaseStream);
        try
        {
            while (lines.ReadLine() is { } line) log.Accept(GradingEvent.Parse(line));
        }
        catch (ProtocolException e)
        {
            log.Break(e.Message);
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        catch (IOException) { } // the pipe broke as the child was killed
    }

    // Keeps the first TailLength characters (the runtime's "Stack overflow." comes first, before a long trace) and the
    // last ones, reading raw bytes: a line without an end cannot grow a buffer.
    private static void Tail(Stream stream, StringBuilder text)
    {
        var buffer = new byte[8192];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        try
        {
            for (int read; (read = stream.Read(buffer, 0, buffer.Length)) > 0;)
            {
                int n = decoder.GetChars(buffer, 0, read, chars, 0);
                lock (text)
                {
                    text.Append(chars, 0, n);
                    if (text.Length > 3 * TailLength) text.Remove(TailLength, text.Length - 2 * TailLength);
                }
            }
        }
        catch (IOException) { } // the pipe broke as the child was killed
    }
}
