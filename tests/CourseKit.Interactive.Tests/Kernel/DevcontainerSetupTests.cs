using System.Diagnostics;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>
/// scripts/setup.sh — what the dev container's postCreate runs — on a copy of the repository with a fresh HOME and an
/// empty NuGet package folder, as in a new Codespace; then a chapter through nbclient with the kernelspec it installed.
/// </summary>
[Collection(JupyterEndToEnd.Name)]
[Trait("Category", "Slow")]
public class DevcontainerSetupTests
{
    [Fact]
    public void Setup_script_in_a_clean_home_installs_the_kernel_the_chapters_name_and_a_chapter_runs_with_it()
    {
        string root = Repo.TempFolder("devcontainer-setup");
        string copy = Path.Combine(root, "repo"), home = Path.Combine(root, "home"), packages = Path.Combine(root, "nuget");
        CopyWorkingTree(copy);
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(packages);
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home, ["DOTNET_CLI_HOME"] = home, ["NUGET_PACKAGES"] = packages,
            ["JUPYTER_PATH"] = null, ["JUPYTER_DATA_DIR"] = null, ["XDG_DATA_HOME"] = null, ["XDG_CACHE_HOME"] = null,
            ["COURSEKIT_KERNEL_JIT_PROFILE"] = null, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        var setup = Run(copy, env, "bash", "scripts/setup.sh");
        Assert.True(setup.ExitCode == 0, setup.Output);
        string spec = Path.Combine(home, ".local", "share", "jupyter", "kernels", "coursekit", "kernel.json");
        Assert.True(File.Exists(spec), $"expected {spec}\n{setup.Output}");
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "jupyter", "kernels", ".net-csharp", "kernel.json")));
        Assert.NotEmpty(Directory.GetDirectories(packages)); // restored into the empty package folder, not a warm cache
        string profiles = Path.Combine(home, ".cache", "coursekit", "kernel-jit");
        // The runtime records multicore JIT profiles only where there is a second core to play them back on.
        if (Environment.ProcessorCount > 1)
            Assert.True(Directory.Exists(profiles) && Directory.GetFiles(profiles, "*.jitprofile").Length == 1, $"expected the kernel's JIT profile in {profiles}\n{setup.Output}");

        string chapter = "notebooks/solutions/07-softmax-regression.ipynb";
        string kernel = JsonNode.Parse(File.ReadAllText(Path.Combine(copy, chapter)))!["metadata"]!["kernelspec"]!["name"]!.GetValue<string>();
        var run = Run(copy, env, "/usr/bin/python3", "scripts/run-notebook.py", "--kernel", kernel, chapter, Path.Combine(root, "executed.ipynb"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"errors\": 0", run.Output);
        string executed = File.ReadAllText(Path.Combine(root, "executed.ipynb"));
        Assert.Contains("data-status=\\\"passed\\\"", executed);
        Assert.DoesNotContain("data-status=\\\"failed\\\"", executed);
    }

    // Tracked and untracked-but-not-ignored files, as a fresh clone of the working tree would have them.
    private static void CopyWorkingTree(string destination)
    {
        var files = Run(Repo.Root, new Dictionary<string, string?>(), "git", "ls-files", "-co", "--exclude-standard");
        Assert.Equal(0, files.ExitCode);
        foreach (string file in files.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string source = Path.Combine(Repo.Root, file);
            if (!File.Exists(source)) continue; // deleted in the working tree
            string target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        if (OperatingSystem.IsWindows()) return;
        foreach (string script in Directory.GetFiles(Path.Combine(destination, "scripts"), "*.sh"))
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | UnixFileMode.UserExecute);
    }

    private static (int ExitCode, string Output) Run(string directory, Dictionary<string, string?> env, string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in env)
            if (value is null) start.Environment.Remove(name); else start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} {string.Join(' ', args)}: did not finish within 30 minutes.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
