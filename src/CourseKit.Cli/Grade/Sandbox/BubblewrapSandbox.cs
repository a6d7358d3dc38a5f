using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// A bubblewrap sandbox (Debian's <c>bubblewrap</c>, run as root): new PID, network, IPC and UTS namespaces (no
/// network but loopback; the child is PID 1's child there, so when the grader kills it everything it started dies),
/// a filesystem of <c>/usr</c> and the folders the child must read, all read-only, with a private size-limited
/// <c>/tmp</c> as its working folder — no solution, no classmate's notebook, no grader output in sight; then
/// <c>setpriv</c> drops to the slot's own unprivileged user with no capabilities and <c>prlimit</c> sets the limits.
/// </summary>
internal sealed class BubblewrapSandbox(string bwrap, string setpriv, string prlimit, ChildLaunch launch, string baseDirectory) : ISandbox
{
    /// <summary>Bytes of the private /tmp.</summary>
    public const long TmpBytes = 256L << 20;

    public string Description => "bubblewrap (own PID and network namespaces, read-only filesystem with a private /tmp, an unprivileged user per job, resource limits)";

    public bool Isolated => true;

    public ProcessStartInfo Start(SandboxSlot slot)
    {
        Directory.CreateDirectory(slot.PrivateFolder);   // bwrap's own working folder on the host; the child sees only its /tmp
        var args = new List<string> { "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try" };
        args.AddRange(SystemFolders());
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--size", TmpBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--perms", "1777", "--tmpfs", "/tmp"]);
        var made = new HashSet<string>(StringComparer.Ordinal) { "/", "/usr", "/tmp", "/proc", "/dev" };
        foreach (string folder in launch.ReadOnlyFolders.Where(f => !IsUnder(f, "/usr")))
        {
            args.AddRange(Ancestors(folder, made));
            args.AddRange(["--ro-bind", folder, folder]);
        }
        args.AddRange(Ancestors(Path.Combine(baseDirectory, "x"), made));   // the notebook's folder: relative #r paths resolve from it
        args.AddRange(["--chdir", "/tmp", "--clearenv"]);
        foreach (var (key, value) in launch.Environment("/tmp")) args.AddRange(["--setenv", key, value]);
        args.AddRange(["--", setpriv, $"--reuid={slot.Uid}", $"--regid={slot.Uid}", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]);
        args.AddRange(launch.Command(prlimit));
        return ChildLaunch.StartInfo(bwrap, args, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, slot.PrivateFolder);
    }

    public void Stop(Process child, SandboxSlot slot)
    {
        ProcessReaper.KillTree(child);   // bwrap and its PID namespace: the kernel ends every process inside with it
        ProcessReaper.KillUser(slot.Uid);   // and waits until they are gone: the next child of this slot gets the user's whole process limit
        try { Directory.Delete(slot.PrivateFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>/usr read-only, and /bin, /lib … as the host has them (symlinks into /usr on a merged-/usr system).</summary>
    public static IEnumerable<string> SystemFolders() =>
        new[] { "--ro-bind", "/usr", "/usr" }.Concat(new[] { "/bin", "/lib", "/lib64", "/sbin", "/lib32", "/libx32" }.SelectMany(RootEntry));

    private static IEnumerable<string> RootEntry(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target) return ["--symlink", target, path];
        return Directory.Exists(path) ? ["--ro-bind", path, path] : [];
    }

    // Folders bubblewrap would create as 0700 root: made 0755 so that the unprivileged user can reach what is bound below.
    private static IEnumerable<string> Ancestors(string folder, HashSet<string> made)
    {
        var chain = new List<string>();
        for (string? dir = Path.GetDirectoryName(folder); dir is not null && made.Add(dir); dir = Path.GetDirectoryName(dir)) chain.Add(dir);
        chain.Reverse();
        return chain.SelectMany(d => new[] { "--perms", "0755", "--dir", d });
    }

    private static bool IsUnder(string path, string folder) => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);
}
