using System.CommandLine;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade;

/// <summary>
/// <c>coursekit grade-child</c> (hidden): what the grader starts inside the sandbox. It takes no arguments — nothing
/// is on its command line — reads the request on standard input and reports on standard output.
/// </summary>
internal static class GradeChildCommand
{
    public static Command Create()
    {
        var command = new Command(Sandbox.ChildLaunch.Verb, "Run one graded notebook from standard input (used by `coursekit grade`, inside its sandbox).") { Hidden = true };
        command.SetAction(_ =>
        {
            using var events = Console.OpenStandardOutput();
            return GradingChild.Run(Console.In, events);
        });
        return command;
    }
}
