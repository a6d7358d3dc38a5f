using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// No sandbox (<c>coursekit grade --unsandboxed</c>): the child runs as the grader's own user with a cleared
/// environment and a private working folder, under <c>prlimit</c>'s limits when it is installed. Every result says so.
/// </summary>
internal sealed class Unsandboxed(string? prlimit, ChildLaunch launch) : ISandbox
{
    public string Description => "none (--unsandboxed: the learner's code runs as this user)";

    public bool Isolated => false;

    public ProcessStartInfo Start(SandboxSlot slot)
    {
        Directory.CreateDirectory(slot.PrivateFolder);
        var command = launch.Command(prlimit ?? "").ToList();
        if (prlimit is null) command = command.SkipWhile(a => a != "--").Skip(1).ToList();
        return ChildLaunch.StartInfo(command[0], command.Skip(1), launch.Environment(slot.PrivateFolder), slot.PrivateFolder);
    }

    public void Stop(Process child, SandboxSlot slot)
    {
        ProcessReaper.KillTree(child);
        try { Directory.Delete(slot.PrivateFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
