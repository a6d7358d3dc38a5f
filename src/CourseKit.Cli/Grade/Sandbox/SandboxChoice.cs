using System.Diagnostics;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>Which sandbox <c>coursekit grade --sandbox</c> asks for.</summary>
internal enum SandboxChoice
{
    /// <summary>bubblewrap where it runs, else another user; stop when neither can (not root).</summary>
    Auto,

    /// <summary>bubblewrap, or stop naming what is missing.</summary>
    Bubblewrap,

    /// <summary>Another user only.</summary>
    User,

    /// <summary>No sandbox (<c>--unsandboxed</c>).</summary>
    None,
}

/// <summary>Finds the sandbox asked for, or says precisely what is missing.</summary>
internal static class SandboxDetector
{
    private const string Advice = "run coursekit grade as root with bubblewrap installed (Debian/Ubuntu: apt-get install bubblewrap), " +
        "or pass --unsandboxed to grade without a sandbox (every result will say so)";

    /// <summary>The sandbox, or null with <paramref name="problem"/> saying what is missing.</summary>
    public static ISandbox? Find(SandboxChoice choice, ChildLaunch launch, string baseDirectory, out string? problem)
    {
        problem = null;
        string? prlimit = Tool("prlimit"), setpriv = Tool("setpriv"), bwrap = Tool("bwrap");
        if (choice == SandboxChoice.None) return new Unsandboxed(prlimit, launch);
        var missing = new List<string>();
        if (!Environment.IsPrivilegedProcess) missing.Add("root (grading runs each learner's code as another, unprivileged user)");
        if (setpriv is null || prlimit is null) missing.Add("setpriv and prlimit (Debian's util-linux)");
        string? bwrapProblem = choice == SandboxChoice.User ? null : bwrap is null ? "bubblewrap (bwrap) is not installed" : Probe(bwrap);
        if (choice == SandboxChoice.Bubblewrap && bwrapProblem is not null) missing.Add(bwrapProblem);
        if (missing.Count > 0)
        {
            problem = $"no sandbox to grade in: missing {string.Join("; ", missing)}. To fix it, {Advice}.";
            return null;
        }
        return bwrapProblem is null && choice != SandboxChoice.User
            ? new BubblewrapSandbox(bwrap!, setpriv!, prlimit!, launch, baseDirectory)
            : new UserSandbox(setpriv!, prlimit!, launch);
    }

    private static string? Tool(string name) =>
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    // bubblewrap may be installed where it cannot create namespaces (a container without the privileges): try it.
    private static string? Probe(string bwrap)
    {
        var start = new ProcessStartInfo(bwrap, ["--unshare-pid", "--unshare-net", .. BubblewrapSandbox.SystemFolders(), "--proc", "/proc", "--dev", "/dev", "--", "/usr/bin/true"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(20))) { ProcessReaper.KillTree(process); return "bubblewrap did not start within 20 s"; }
            return process.ExitCode == 0 ? null : $"bubblewrap cannot create its namespaces here ({error.Trim()})";
        }
        catch (System.ComponentModel.Win32Exception e) { return $"bubblewrap could not be started ({e.Message})"; }
    }
}
