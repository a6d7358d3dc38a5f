using System.Diagnostics;
using CourseKit.Interactive.Kernel;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>
/// Runs Python scripts that drive CourseKit's kernel through the Jupyter project's own client (jupyter_client,
/// nbclient, jupyter_kernel_test), with the kernelspec installed into a Jupyter data folder of the test's own.
/// </summary>
internal static class PythonClient
{
    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>A fresh Jupyter data folder holding kernelspec "coursekit" that starts the built tool.</summary>
    public static string InstallKernel(string test)
    {
        string data = Repo.TempFolder(test);
        string dll = Path.Combine(Repo.Root, "src", "CourseKit.Cli", "bin", Repo.Configuration, "net10.0", "coursekit.dll");
        Assert.True(File.Exists(dll), $"{dll}: expected the coursekit tool to be built.");
        KernelSpecs.Install(KernelSpecScope.Prefix, data, KernelSpecs.DefaultName, KernelSpecs.DefaultDisplayName,
            [Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? Environment.ProcessPath : "dotnet", dll, "kernel", "-f", "{connection_file}"]);
        return Path.Combine(data, "share", "jupyter");
    }

    /// <summary>Runs <c>/usr/bin/python3 ARGS</c> in the repository root with the kernel's data folder on Jupyter's path.</summary>
    public static Outcome Run(string jupyterData, TimeSpan limit, params string[] args) => Run(jupyterData, limit, new Dictionary<string, string>(), args);

    /// <summary>Same, with <paramref name="environment"/> added to the environment (the kernels it starts inherit it).</summary>
    public static Outcome Run(string jupyterData, TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["JUPYTER_PATH"] = jupyterData;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"python3 {string.Join(' ', args)}: did not finish within {limit}.\n{stdout.Result}\n{stderr.Result}");
        }
        return new Outcome(process.ExitCode, stdout.Result + stderr.Result);
    }
}
