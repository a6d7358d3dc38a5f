using System.Text.Json.Nodes;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Kernel;

public class KernelInstallCommandTests
{
    [Fact]
    public void Install_list_and_uninstall_write_find_and_remove_the_kernelspec_as_jupyter_kernelspec_does()
    {
        string prefix = Repo.TempFolder("kernel-install");
        var env = new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter"), ["JUPYTER_DATA_DIR"] = Repo.TempFolder("kernel-user") };

        var install = CoursekitProcess.Run(env, "kernel", "install", "--prefix", prefix);
        string folder = Path.Combine(prefix, "share", "jupyter", "kernels", "coursekit");
        Assert.True(install.ExitCode == 0, install.Stderr);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!.AsObject();
        bool logos = File.Exists(Path.Combine(folder, "logo-64x64.png")) && File.Exists(Path.Combine(folder, "logo-32x32.png"));
        var list = CoursekitProcess.Run(env, "kernel", "list");
        var uninstall = CoursekitProcess.Run(env, "kernel", "uninstall");
        var again = CoursekitProcess.Run(env, "kernel", "uninstall");

        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.EndsWith("coursekit.dll", argv[1]);
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);
        Assert.Equal("C# (CourseKit)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        Assert.Equal("0", spec["env"]?["DOTNET_TieredPGO"]?.GetValue<string>());
        Assert.True(logos, "expected logo-32x32.png and logo-64x64.png beside kernel.json");
        Assert.Matches($@"(?m)^  coursekit +{System.Text.RegularExpressions.Regex.Escape(folder)}$", list.Stdout);
        Assert.Equal(0, uninstall.ExitCode);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("no kernelspec named 'coursekit'", again.Stderr);
    }

    [Fact]
    public void Install_refuses_two_destinations_and_kernel_without_a_connection_file_says_what_to_do()
    {
        var both = CoursekitProcess.Run("kernel", "install", "--user", "--prefix", "/tmp/x");
        var bare = CoursekitProcess.Run("kernel");
        var missing = CoursekitProcess.Run("kernel", "-f", "/no/such/connection.json");

        Assert.Equal(2, both.ExitCode);
        Assert.Contains("expected at most one of --user, --sys-prefix, --prefix, actual 2", both.Stderr);
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("coursekit kernel install --user", bare.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'/no/such/connection.json' does not exist", missing.Stderr);
    }
}
