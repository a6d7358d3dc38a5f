using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>Kills a child's process tree, and in user mode every process left running as the child's user.</summary>
internal static class ProcessReaper
{
    /// <summary>Kills <paramref name="child"/> and its descendants (an exited child is fine).</summary>
    public static void KillTree(Process child)
    {
        try { child.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // exited meanwhile
        catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>
    /// Kills every process whose real user id is <paramref name="uid"/> (the sandbox's own user), until none is left
    /// (a process of hundreds of threads takes a while to end on a loaded machine); zombies are already dead.
    /// </summary>
    public static void KillUser(int uid)
    {
        for (int round = 0; round < 400; round++)
        {
            var left = ProcessesOf(uid).ToList();
            if (left.Count == 0) return;
            foreach (int pid in left)
            {
                try { using var p = Process.GetProcessById(pid); p.Kill(); }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
            Thread.Sleep(50);
        }
    }

    private static IEnumerable<int> ProcessesOf(int uid)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            string[] status;
            try { status = File.ReadAllLines(Path.Combine(dir, "status")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (status.Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains("Z (zombie)", StringComparison.Ordinal))) continue;
            var fields = status.FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (fields is { Length: >= 2 } && int.TryParse(fields[1], out int real) && real == uid) yield return pid;
        }
    }
}
