using System.CommandLine;
using CourseKit.Interactive.Kernel;

namespace CourseKit.Cli.Kernel;

/// <summary><c>coursekit kernel install [--user | --sys-prefix | --prefix DIR] [--name N] [--display-name D]</c>, <c>list</c>, <c>uninstall [NAME]</c>.</summary>
internal static class KernelInstallCommand
{
    public static Command Install()
    {
        var user = new Option<bool>("--user") { Description = "Install for this user (~/.local/share/jupyter/kernels) instead of system-wide." };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the Python environment of python3 on PATH (sys.prefix/share/jupyter)." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels." };
        var name = new Option<string>("--name") { Description = "The kernelspec name.", DefaultValueFactory = _ => KernelSpecs.DefaultName };
        var display = new Option<string>("--display-name") { Description = "The name frontends show.", DefaultValueFactory = _ => KernelSpecs.DefaultDisplayName };
        var command = new Command("install", "Register this coursekit as a Jupyter kernel (writes kernel.json and logos as `jupyter kernelspec install` does).")
        {
            user, sysPrefix, prefix, name, display,
        };
        command.SetAction(parse =>
        {
            int chosen = (parse.GetValue(user) ? 1 : 0) + (parse.GetValue(sysPrefix) ? 1 : 0) + (parse.GetValue(prefix) is null ? 0 : 1);
            if (chosen > 1) return KernelCommand.Usage("install: expected at most one of --user, --sys-prefix, --prefix, actual " + chosen + ".");
            var scope = parse.GetValue(user) ? KernelSpecScope.User : parse.GetValue(sysPrefix) ? KernelSpecScope.SysPrefix
                : parse.GetValue(prefix) is not null ? KernelSpecScope.Prefix : KernelSpecScope.System;
            try
            {
                string folder = KernelSpecs.Install(scope, parse.GetValue(prefix), parse.GetValue(name)!, parse.GetValue(display)!, [.. StartCommand(), "kernel", "-f", "{connection_file}"]);
                Console.WriteLine($"Installed kernelspec {parse.GetValue(name)} in {folder}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return KernelCommand.Usage($"install: {e.Message}");
            }
        });
        return command;
    }

    public static Command List()
    {
        var command = new Command("list", "List the Jupyter kernelspecs Jupyter would find (name and folder).");
        command.SetAction(_ =>
        {
            var specs = KernelSpecs.List();
            Console.WriteLine("Available kernels:");
            int width = specs.Count == 0 ? 0 : specs.Max(s => s.Name.Length);
            foreach (var (name, folder) in specs) Console.WriteLine($"  {name.PadRight(width)}    {folder}");
            return 0;
        });
        return command;
    }

    public static Command Uninstall()
    {
        var name = new Argument<string>("name") { Description = "The kernelspec to remove.", DefaultValueFactory = _ => KernelSpecs.DefaultName };
        var command = new Command("uninstall", "Remove a Jupyter kernelspec (by default CourseKit's).") { name };
        command.SetAction(parse =>
        {
            string? removed = KernelSpecs.Uninstall(parse.GetValue(name)!);
            if (removed is null) return KernelCommand.Usage($"uninstall: no kernelspec named '{parse.GetValue(name)}' (see `coursekit kernel list`).");
            Console.WriteLine($"Removed {removed}");
            return 0;
        });
        return command;
    }

    // The command that starts this very coursekit: its apphost, or `dotnet coursekit.dll` when run through dotnet.
    private static string[] StartCommand()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string assembly = typeof(KernelInstallCommand).Assembly.Location;
        bool viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet ? [process, assembly] : [process];
    }
}
