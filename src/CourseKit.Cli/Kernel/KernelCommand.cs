using System.CommandLine;
using CourseKit.Interactive.Kernel;

namespace CourseKit.Cli.Kernel;

/// <summary>
/// <c>coursekit kernel -f CONNECTION_FILE</c> (what Jupyter starts) and <c>coursekit kernel install|list|uninstall</c>.
/// </summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection-file", "-f") { Description = "The connection file Jupyter wrote (ports, key); Jupyter passes it." };
        var command = new Command("kernel", "CourseKit's Jupyter kernel: C# cells on the engine of coursekit run (Jupyter messaging protocol 5.3).")
        {
            connection, KernelInstallCommand.Install(), KernelInstallCommand.List(), KernelInstallCommand.Uninstall(),
        };
        command.SetAction(parse =>
        {
            string? file = parse.GetValue(connection);
            if (file is null) return Usage("--connection-file: expected the connection file Jupyter passes (kernel.json's argv has {connection_file}); to register the kernel run `coursekit kernel install --user`.");
            if (!File.Exists(file)) return Usage($"--connection-file: expected an existing file, actual '{file}' does not exist.");
            var log = new KernelLog(Console.Error);
            ConnectionFile info;
            try { info = ConnectionFile.Read(file); }
            catch (InvalidDataException e) { return Usage(e.Message); }
            StartupTrace.Mark("connection file read");
            using var kernel = new JupyterKernel(info, log, Environment.CurrentDirectory);
            log.Write($"serving {Path.GetFileName(file)} on {info.Ip} (shell {info.ShellPort}, iopub {info.IopubPort}) in {Environment.CurrentDirectory}");
            return kernel.Run();
        });
        return command;
    }

    internal static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit kernel: {message}");
        return 2;
    }
}
