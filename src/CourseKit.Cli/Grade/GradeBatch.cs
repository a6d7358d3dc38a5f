using System.Diagnostics;
using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Grading;
using CourseKit.Interactive;
using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Cli.Grade;

/// <summary>A finished batch: one grade per submission (in submission order), the wall time, grader errors, and the sandbox used.</summary>
internal sealed record BatchResult(IReadOnlyList<SubmissionGrade> Grades, TimeSpan Elapsed, IReadOnlyList<string> GraderErrors, string Sandbox);

/// <summary>The grader could not run at all (no sandbox, the assignment does not run, the output folder is not writable …).</summary>
internal sealed class GraderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Grades a class: finds the sandbox, builds every check's cases once (in this process, from the seed), checks that
/// the released assignment answers every probe in the sandbox, then grades the submissions on a bounded pool of
/// <see cref="GradeSettings.Jobs"/> workers, each with its own sandbox user, and writes each learner's results.json,
/// feedback.html and graded notebook as they finish, and the gradebook at the end. A submission that breaks anything
/// gets its own result; the others go on.
/// </summary>
internal static class GradeBatch
{
    public static BatchResult Run(GradeSettings settings, IReadOnlyList<Submission> submissions, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var launch = ChildLaunch.ForThisTool(settings.Assignment.ReferencedFolders, settings.Limits);
        var sandbox = SandboxDetector.Find(settings.Sandbox, launch, settings.Assignment.ReleaseFolder, out string? problem)
            ?? throw new GraderException(problem!);
        if (sandbox is UserSandbox) Exposure.Require(settings, submissions);
        progress.WriteLine($"sandbox: {sandbox.Description}");
        var bank = CaseBank.Build(settings.Assignment, GradingMode.WithHiddenSeed(settings.HiddenSeed));
        using var uids = sandbox.Isolated ? UidPool.Claim(Math.Min(settings.Jobs, Math.Max(1, submissions.Count))) : null;
        Directory.CreateDirectory(settings.ScratchDir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(settings.ScratchDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute);
        try
        {
            int Uid(int worker) => uids?.Uids[worker] ?? Environment.ProcessId;
            Calibrate(settings, bank, sandbox, Uid(0));
            return Grade(settings, submissions, bank, sandbox, Uid, progress, clock);
        }
        finally
        {
            try { Directory.Delete(settings.ScratchDir, recursive: true); }
            catch (IOException) { } // a folder the sandbox still held: harmless scratch
        }
    }

    private static BatchResult Grade(GradeSettings settings, IReadOnlyList<Submission> submissions, CaseBank bank, ISandbox sandbox,
        Func<int, int> uid, TextWriter progress, Stopwatch clock)
    {
        var grades = new SubmissionGrade[submissions.Count];
        var errors = new List<string>();
        var display = new GradeProgress(submissions.Count, progress);
        int next = -1;
        var workers = Enumerable.Range(0, Math.Min(settings.Jobs, Math.Max(1, submissions.Count))).Select(worker => new Thread(() =>
        {
            for (int i = Interlocked.Increment(ref next); i < submissions.Count; i = Interlocked.Increment(ref next))
            {
                display.Started();
                try
                {
                    var graded = SubmissionSupervisor.Grade(settings, submissions[i], bank, sandbox, uid(worker));
                    Write(settings, graded);
                    grades[i] = graded.Grade;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    lock (errors) errors.Add($"{submissions[i].Student}: {e.Message}");
                    grades[i] = new SubmissionGrade(submissions[i].Student, submissions[i].Path, SubmissionOutcome.FailedToRun, settings.Assignment.Exercises,
                        bank.Templates, [new(null, $"the grader failed on this submission: {e.Message}")], 0, false, false) { Unsandboxed = !sandbox.Isolated };
                }
                display.Finished(grades[i]);
            }
        }) { Name = $"coursekit grade worker {worker}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        AtomicFile.WriteText(Path.Combine(settings.OutputDir, "gradebook.csv"), Gradebook.ToCsv(settings.Assignment.Exercises, grades));
        return new BatchResult(grades, clock.Elapsed, errors, sandbox.Description);
    }

    private static void Write(GradeSettings settings, Graded graded)
    {
        string folder = Path.Combine(settings.OutputDir, graded.Grade.Student);
        Directory.CreateDirectory(folder);
        AtomicFile.WriteText(Path.Combine(folder, "results.json"), GradescopeResults.ToJson(graded.Grade));
        AtomicFile.WriteText(Path.Combine(folder, "feedback.html"), FeedbackPage.ToHtml(settings.Assignment.Name, graded.Grade));
        string executed = Path.Combine(folder, settings.Assignment.Name + ".ipynb");
        if (graded.Executed is not null) NotebookWriter.Write(graded.Executed, executed);
        else if (File.Exists(executed)) File.Delete(executed);   // no stale notebook from an earlier grading
    }

    /// <summary>Grades the released notebook (every exercise a stub) in the sandbox: every probe must answer, or nothing can be graded.</summary>
    private static void Calibrate(GradeSettings settings, CaseBank bank, ISandbox sandbox, int uid)
    {
        var release = Path.Combine(settings.ScratchDir, settings.Assignment.Name + ".ipynb");
        NotebookWriter.Write(settings.Assignment.Release, release);
        var graded = SubmissionSupervisor.Grade(settings, new Submission("(the released assignment)", release), bank, sandbox, uid);
        var broken = graded.Grade.Checks.FirstOrDefault(c => c.Status != CheckStatus.NotImplemented);
        if (broken is not null)
            throw new GraderException($"the released assignment does not run in the sandbox: {broken.Summary} " +
                $"({string.Join(" ", graded.Grade.Notes.Select(n => n.Text))}); is the library built (artifacts/notebook-lib)?");
    }
}
