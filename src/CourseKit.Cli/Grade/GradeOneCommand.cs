using System.CommandLine;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// <c>coursekit grade-one SUBMISSION --source S --journal J --notebook-out N</c> (hidden): grades one submission in
/// this process, journaling each cell as it finishes. <c>coursekit grade</c> runs it once per submission, in a child
/// process, so that whatever the learner's code does to the process costs only that submission.
/// </summary>
internal static class GradeOneCommand
{
    public const string Name = "grade-one";

    public static Command Create()
    {
        var submission = new Argument<string>("submission") { Description = "The learner's notebook." };
        var source = new Option<string>("--source") { Description = "The solution notebook.", Required = true };
        var releaseDir = new Option<string?>("--release-dir") { Description = "Where the student version lives (relative #r paths resolve there)." };
        var journal = new Option<string>("--journal") { Description = "The progress journal to write (JSON lines).", Required = true };
        var notebookOut = new Option<string>("--notebook-out") { Description = "Where the executed notebook goes.", Required = true };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 60 };
        var neutralize = new Option<string?>("--neutralize") { Description = "Exercises to replace by their stub, comma-separated." };
        var skip = new Option<string?>("--skip-cells") { Description = "Ids of the learner's own cells to leave out, comma-separated." };
        var command = new Command(Name, "Grade one submission in this process (used by `coursekit grade`).")
        {
            submission, source, releaseDir, journal, notebookOut, timeout, neutralize, skip,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            Assignment assignment;
            try { assignment = Assignment.FromSolution(parse.GetValue(source)!, parse.GetValue(releaseDir)); }
            catch (Exception e) when (e is InvalidDataException or IOException or Interactive.Release.ReleaseException)
            {
                Console.Error.WriteLine($"coursekit grade-one: {e.Message}");
                return 2;
            }
            var exercises = List(parse.GetValue(neutralize)).Select(int.Parse).ToHashSet();
            var cells = List(parse.GetValue(skip)).ToHashSet(StringComparer.Ordinal);
            using var log = ProgressLog.Create(parse.GetValue(journal)!);
            SubmissionRun.Run(assignment, parse.GetValue(submission)!, log, TimeSpan.FromSeconds(parse.GetValue(timeout)),
                exercises, cells, parse.GetValue(notebookOut)!);
            return 0;
        });
        return command;
    }

    private static string[] List(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
