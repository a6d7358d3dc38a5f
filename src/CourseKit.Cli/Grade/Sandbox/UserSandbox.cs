using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// Another user, where bubblewrap cannot run (a container without the privileges it needs): <c>setpriv</c> starts the
/// child as the slot's own unprivileged user with no capabilities, in a private folder only that user can enter, with
/// a cleared environment and <c>prlimit</c>'s limits; afterwards every process of that user is killed. Files stay
/// protected by their permissions, which the grader checks before it starts; the network is not taken away.
/// </summary>
internal sealed class UserSandbox(string setpriv, string prlimit, ChildLaunch launch) : ISandbox
{
    public string Description => "another user (an unprivileged user per job, a private folder, resource limits; bubblewrap was not usable, so the network stays reachable)";

    public bool Isolated => true;

    public ProcessStartInfo Start(SandboxSlot slot)
    {
        Directory.CreateDirectory(slot.PrivateFolder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(slot.PrivateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Chown(slot.PrivateFolder, slot.Uid);
        var args = new List<string> { $"--reuid={slot.Uid}", $"--regid={slot.Uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--" };
        args.AddRange(launch.Command(prlimit));
        return ChildLaunch.StartInfo(setpriv, args, launch.Environment(slot.PrivateFolder), slot.PrivateFolder);
    }

    public void Stop(Process child, SandboxSlot slot)
    {
        ProcessReaper.KillTree(child);
        ProcessReaper.KillUser(slot.Uid);   // a detached process of the learner's is still that user's
        try { Directory.Delete(slot.PrivateFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Chown(string path, int uid)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", [$"{uid}:{uid}", path]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new IOException($"chown {uid}:{uid} {path}: exit code {chown.ExitCode}.");
    }
}
