using System.Diagnostics;
using System.Globalization;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// Grades one submission in child processes: runs it; when the child dies or times out in a cell, scores that cell's
/// exercise 0 with the reason and runs the submission again with the exercise's stub in its place (a cell the learner
/// added is left out instead), at most once per exercise.
/// </summary>
internal static class SubmissionSupervisor
{
    /// <summary>The grade, and the executed notebook of the last attempt (null when no attempt got to the end).</summary>
    public static (SubmissionGrade Grade, string? Notebook) Grade(GradeSettings settings, Submission submission, IReadOnlyList<CheckGrade> templates)
    {
        var clock = Stopwatch.StartNew();
        var plan = new RetryPlan();
        string work = Path.Combine(settings.WorkDir, submission.Student);
        Directory.CreateDirectory(work);
        int maxAttempts = settings.Assignment.Exercises.Count + 3;
        AttemptJournal journal;
        AttemptDeath? death;
        string notebook;
        for (int attempt = 1; ; attempt++)
        {
            string journalPath = Path.Combine(work, $"attempt-{attempt}.jsonl");
            notebook = Path.Combine(work, $"attempt-{attempt}.ipynb");
            var exit = ChildProcess.Run(Start(settings, submission.Path, journalPath, notebook, plan, work), settings.Limits.SubmissionTimeout);
            journal = AttemptJournal.ReadFile(journalPath);
            death = AttemptDeath.Diagnose(journal, exit, settings.Limits);
            if (death is null || !plan.Next(death) || attempt >= maxAttempts) break;
        }
        var grade = GradeAssembler.Assemble(submission.Student, submission.Path, settings.Assignment, templates, journal, death, plan, clock.Elapsed.TotalSeconds);
        return (grade, journal.Done && File.Exists(notebook) ? notebook : null);
    }

    /// <summary>The child's command line and environment: grading on, the hidden seed, the heap limit.</summary>
    public static ProcessStartInfo Start(GradeSettings settings, string submission, string journal, string notebook, RetryPlan plan, string work)
    {
        var args = new List<string>
        {
            GradeOneCommand.Name, Path.GetFullPath(submission),
            "--source", Path.GetFullPath(settings.SourcePath), "--release-dir", settings.Assignment.ReleaseFolder,
            "--journal", journal, "--notebook-out", notebook,
            "--timeout", settings.Limits.CellTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (plan.Neutralized.Count > 0) args.AddRange(["--neutralize", string.Join(",", plan.Neutralized.Order())]);
        if (plan.Skipped.Count > 0) args.AddRange(["--skip-cells", string.Join(",", plan.Skipped)]);
        var start = ChildProcess.Self(args);
        start.WorkingDirectory = work; // a core dump, if the system writes one, lands in the scratch folder
        start.Environment["COURSEKIT_GRADING"] = "1";
        start.Environment["COURSEKIT_HIDDEN_SEED"] = settings.HiddenSeed;
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)settings.Limits.MemoryMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        return start;
    }
}
