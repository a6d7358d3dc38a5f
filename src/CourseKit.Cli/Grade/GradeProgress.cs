using System.Globalization;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>The progress display on standard error: one line per finished submission with the running totals.</summary>
internal sealed class GradeProgress(int total, TextWriter writer)
{
    private readonly Lock _lock = new();
    private int _done, _running, _failed, _timedOut;

    public void Started()
    {
        lock (_lock) _running++;
    }

    public void Finished(SubmissionGrade grade)
    {
        lock (_lock)
        {
            _running--;
            _done++;
            if (grade.Outcome != SubmissionOutcome.Graded) _failed++;
            if (grade.TimedOut) _timedOut++;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"graded {_done}/{total} · running {_running} · failed {_failed} · timed out {_timedOut} — {grade.Student}: {grade.Score:0.##}/{grade.MaxScore:0.##} ({grade.StatusText}, {grade.Seconds:0.0} s)"));
            writer.Flush();
        }
    }
}
