using System.Diagnostics;
using CourseKit.Cli.Grade.Sandbox;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Grading;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Cli.Grade;

/// <summary>A graded submission and the notebook the grader writes for it (null when it never ran).</summary>
internal sealed record Graded(SubmissionGrade Grade, Notebook? Executed);

/// <summary>
/// Grades one submission: reads and matches it, analyses the learner's cells, runs the graded notebook in the sandbox
/// with the probes in place of the check cells, and scores the answers. When the child dies or times out in a cell,
/// that cell's exercise is scored 0 with the reason and the submission runs again with the exercise's stub in its
/// place (a cell the learner added is left out instead), at most once per exercise.
/// </summary>
internal static class SubmissionSupervisor
{
    /// <summary>Bytes of a submitted file the grader reads at most.</summary>
    public const long MaxNotebookBytes = 32L << 20;

    private static readonly IReadOnlyList<string> Imports = new NotebookRunOptions().Imports;

    public static Graded Grade(GradeSettings settings, Submission submission, CaseBank bank, ISandbox sandbox, int uid)
    {
        var clock = Stopwatch.StartNew();
        var assignment = settings.Assignment;
        var read = Read(submission.Path);
        if (read.Notebook is not { } learner)
        {
            var (outcome, reason) = read.Rejection!.Value;
            return new(GradeAssembler.Rejected(submission.Student, submission.Path, assignment, bank.Templates, outcome, reason, clock.Elapsed.TotalSeconds)
                with { Unsandboxed = !sandbox.Isolated }, null);
        }
        var match = StructureMatch.Of(assignment, learner);
        var retries = new RetryPlan();
        FinalAttempt final;
        for (int attempt = 1; ; attempt++)
        {
            final = Attempt(settings, match, bank, sandbox, uid, retries);
            if (final.Death is null || !retries.Next(final.Death) || attempt >= assignment.Exercises.Count + 3) break;
        }
        var notes = match.Notes.Concat(AddedRefusals(final.Analysis)).ToList();
        var grade = GradeAssembler.Assemble(submission.Student, submission.Path, assignment, bank.Templates, final, notes, clock.Elapsed.TotalSeconds)
            with { Unsandboxed = !sandbox.Isolated };
        var executed = ExecutedNotebook.Build(Path.Combine(assignment.ReleaseFolder, assignment.Name + ".ipynb"), final.Plan, final.Log, final.Reports);
        return new(grade, executed);
    }

    private static FinalAttempt Attempt(GradeSettings settings, StructureMatch match, CaseBank bank, ISandbox sandbox, int uid, RetryPlan retries)
    {
        var assignment = settings.Assignment;
        var planned = SubmissionPlan.Build(assignment, match, retries.Neutralized, retries.Skipped);
        var analysis = CodeAnalysis.Analyze(planned, assignment.ReleaseFolder, Imports, bank.Watched);
        var plan = PlanRequest.WithoutRefused(planned, assignment, analysis.Refusals);
        var request = PlanRequest.Request(plan, bank.Payloads, settings.Limits.CellTimeout, assignment.ReleaseFolder);
        var log = new AttemptLog(request);
        var slot = new SandboxSlot(uid, Path.Combine(settings.ScratchDir, $"{uid}-{Guid.NewGuid():N}"));
        var exit = ChildRun.Run(sandbox, slot, request, log, settings.Limits);
        var death = AttemptDeath.Diagnose(log, exit, settings.Limits, plan);
        return new FinalAttempt(plan, log, death, retries, analysis, Reports(plan, log, analysis, bank));
    }

    // The grader's own scores: a refused exercise cell or a library shortcut first, then the judged answers.
    private static Dictionary<string, CheckReport> Reports(IReadOnlyList<PlannedCell> plan, AttemptLog log, AnalysisResult analysis, CaseBank bank)
    {
        var reports = new Dictionary<string, CheckReport>(StringComparer.Ordinal);
        foreach (var probe in plan.Where(c => c.Check is not null))
        {
            string id = probe.Check!.CellId;
            var refused = analysis.Refusals.FirstOrDefault(r => r.Cell.Role == CellRole.Exercise && r.Cell.Exercise == probe.Exercise);
            if (refused is not null)
                reports[id] = bank.Refused(id, $"your Exercise {probe.Exercise} cell was not run: {refused.Where} uses {refused.Use} ({refused.Area}), which graded code may not use");
            else if (bank.BrokenByShortcut(id, analysis.Uses) is { } broken) reports[id] = broken;
            else if (log.Answers.TryGetValue(probe.Number, out var answers)) reports[id] = bank.Judge(id, answers);
        }
        return reports;
    }

    private static IEnumerable<GradeNote> AddedRefusals(AnalysisResult analysis) =>
        analysis.Refusals.Where(r => r.Cell.Role == CellRole.Added).Select(r => new GradeNote(r.Cell.Exercise,
            $"cell {r.Cell.LearnerNumber}, a cell you added, was not run: {r.Where} uses {r.Use} ({r.Area}), which graded code may not use."));

    private sealed record ReadResult(Notebook? Notebook, (SubmissionOutcome, string)? Rejection);

    private static ReadResult Read(string path)
    {
        string name = Path.GetFileName(path);
        try
        {
            if (new FileInfo(path).Length > MaxNotebookBytes)
                return new(null, (SubmissionOutcome.NotANotebook, $"not a notebook the grader reads: {name} is larger than {MaxNotebookBytes >> 20} MB."));
            var notebook = NotebookReader.Read(path);
            foreach (var cell in notebook.Cells) _ = (cell.CellType, cell.Source);   // a malformed cell is found here, not while grading
            if (!notebook.Cells.Any(c => c.IsCode && c.Source.Trim().Length > 0))
                return new(null, (SubmissionOutcome.Empty, "the notebook is empty: it has no code cells with code in them."));
            return new(notebook, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            string message = e.Message.Replace(Path.GetFullPath(path), name, StringComparison.Ordinal);
            return new(null, (SubmissionOutcome.NotANotebook, message.Contains("not a notebook", StringComparison.OrdinalIgnoreCase) ||
                message.Contains("not an nbformat", StringComparison.Ordinal) ? message : $"not a notebook: {message}"));
        }
    }
}
