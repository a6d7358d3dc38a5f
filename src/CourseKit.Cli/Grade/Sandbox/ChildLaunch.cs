using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CourseKit.Interactive.Grading;

namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// What a grading child is, wherever it runs: this tool's own build run by the dotnet host as <c>grade-child</c>, the
/// folders it must read (the runtime, the tool, the libraries the notebook <c>#r</c>s), a cleared environment with the
/// memory limit, and the resource limits <c>prlimit</c> sets (processes, open files, file size, address space, CPU).
/// </summary>
internal sealed record ChildLaunch(string DotnetHost, string AppDll, IReadOnlyList<string> ReadOnlyFolders, GradeLimits Limits)
{
    /// <summary>The verb the child runs.</summary>
    public const string Verb = "grade-child";

    /// <summary>Processes and threads the child's user may have (the .NET runtime and Roslyn use a few dozen threads).</summary>
    public const int MaxProcesses = 512;

    /// <summary>Open files.</summary>
    public const int MaxOpenFiles = 512;

    /// <summary>Bytes of one file the child may write (in its private /tmp).</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>This build of the tool, with the folders <paramref name="libraries"/> it must read.</summary>
    public static ChildLaunch ForThisTool(IEnumerable<string> libraries, GradeLimits limits)
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();          // …/shared/Microsoft.NETCore.App/10.0.x/
        string root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        string app = Path.Combine(AppContext.BaseDirectory, "coursekit.dll");
        var folders = new[] { root, AppContext.BaseDirectory }.Concat(libraries).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))
            .Distinct(StringComparer.Ordinal).ToList();
        return new ChildLaunch(host, app, folders, limits);
    }

    /// <summary>The command after the sandbox's own wrapper: <c>prlimit … -- dotnet coursekit.dll grade-child</c>.</summary>
    public IEnumerable<string> Command(string prlimit)
    {
        long addressSpace = ((long)Limits.MemoryMb + 8192) << 20;   // the GC heap limit, plus what the runtime maps besides
        long cpuSeconds = (long)Limits.SubmissionTimeout.TotalSeconds + 30;
        return [prlimit, $"--nproc={MaxProcesses}", $"--nofile={MaxOpenFiles}", $"--fsize={MaxFileBytes}", "--core=0",
            $"--as={addressSpace}", $"--cpu={cpuSeconds}", "--", DotnetHost, AppDll, Verb];
    }

    /// <summary>The child's whole environment: nothing of the grader's, only what the runtime needs and the limits.</summary>
    public IReadOnlyDictionary<string, string> Environment(string home) => new Dictionary<string, string>
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = home,
        ["TMPDIR"] = home,
        ["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost)!,
        ["DOTNET_GCHeapHardLimit"] = "0x" + ((long)Limits.MemoryMb * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_DbgEnableMiniDump"] = "0",
        ["DOTNET_EnableDiagnostics"] = "0",   // no debugger, profiler or event pipe can attach to it
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>A start info with every stream redirected and the environment replaced by <paramref name="environment"/>.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }
}
