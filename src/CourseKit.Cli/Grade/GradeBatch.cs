using System.Diagnostics;
using CourseKit.Interactive;
using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Cli.Grade;

/// <summary>A finished batch: one grade per submission (in submission order), the wall time, and grader errors.</summary>
internal sealed record BatchResult(IReadOnlyList<SubmissionGrade> Grades, TimeSpan Elapsed, IReadOnlyList<string> GraderErrors);

/// <summary>The grader could not run at all (the assignment does not run, the output folder is not writable …).</summary>
internal sealed class GraderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Grades a class: learns each check's points from a run of the released notebook, then grades the submissions on a
/// bounded pool of <see cref="GradeSettings.Jobs"/> workers (each one child process at a time), writes each learner's
/// results.json, feedback.html and executed notebook as they finish, and the gradebook at the end.
/// </summary>
internal static class GradeBatch
{
    public static BatchResult Run(GradeSettings settings, IReadOnlyList<Submission> submissions, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.WorkDir);
        try { return Grade(settings, submissions, progress, clock); }
        finally
        {
            try { Directory.Delete(settings.WorkDir, recursive: true); }
            catch (IOException) { } // a straggling child still holding a file; the scratch folder is harmless
        }
    }

    private static BatchResult Grade(GradeSettings settings, IReadOnlyList<Submission> submissions, TextWriter progress, Stopwatch clock)
    {
        var templates = Calibrate(settings);
        var grades = new SubmissionGrade[submissions.Count];
        var errors = new List<string>();
        var display = new GradeProgress(submissions.Count, progress);
        int next = -1;
        var workers = Enumerable.Range(0, Math.Min(settings.Jobs, Math.Max(1, submissions.Count))).Select(_ => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < submissions.Count; i = Interlocked.Increment(ref next))
            {
                display.Started();
                try
                {
                    var (grade, notebook) = SubmissionSupervisor.Grade(settings, submissions[i], templates);
                    Write(settings, grade, notebook);
                    grades[i] = grade;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    lock (errors) errors.Add($"{submissions[i].Student}: {e.Message}");
                    grades[i] = new SubmissionGrade(submissions[i].Student, submissions[i].Path, SubmissionOutcome.FailedToRun, settings.Assignment.Exercises,
                        templates, [new(null, $"the grader failed on this submission: {e.Message}")], 0, false, false);
                }
                display.Finished(grades[i]);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        AtomicFile.WriteText(Path.Combine(settings.OutputDir, "gradebook.csv"), Gradebook.ToCsv(settings.Assignment.Exercises, grades));
        return new BatchResult(grades, clock.Elapsed, errors);
    }

    private static void Write(GradeSettings settings, SubmissionGrade grade, string? notebook)
    {
        string folder = Path.Combine(settings.OutputDir, grade.Student);
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "results.json"), GradescopeResults.ToJson(grade));
        AtomicFile.WriteText(Path.Combine(folder, "feedback.html"), FeedbackPage.ToHtml(settings.Assignment.Name, grade));
        string executed = Path.Combine(folder, settings.Assignment.Name + ".ipynb");
        if (notebook is not null) File.Move(notebook, executed, overwrite: true); // same file system: an atomic rename
        else if (File.Exists(executed)) File.Delete(executed);                    // no stale notebook from an earlier grading
    }

    /// <summary>Runs the released notebook (every exercise a stub) in a child to learn each check's name and points.</summary>
    private static IReadOnlyList<CheckGrade> Calibrate(GradeSettings settings)
    {
        string folder = Path.Combine(settings.WorkDir, "_assignment");
        string release = Path.Combine(folder, settings.Assignment.Name + ".ipynb");
        NotebookWriter.Write(settings.Assignment.Release, release);
        string journalPath = Path.Combine(folder, "journal.jsonl");
        var start = SubmissionSupervisor.Start(settings, release, journalPath, Path.Combine(folder, "executed.ipynb"), new RetryPlan(), folder);
        var exit = ChildProcess.Run(start, settings.Limits.SubmissionTimeout);
        try { return GradeAssembler.Templates(settings.Assignment, AttemptJournal.ReadFile(journalPath)); }
        catch (InvalidOperationException e)
        {
            string stderr = exit.StderrTail.Trim();
            throw new GraderException($"the released assignment does not run: {e.Message}" +
                (stderr.Length > 0 ? $"\n  the grading process said: {stderr[..Math.Min(stderr.Length, 1000)]}" : ""), e);
        }
    }
}
