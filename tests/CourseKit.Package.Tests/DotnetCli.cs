using System.Diagnostics;

namespace CourseKit.Package.Tests;

/// <summary>Runs the <c>dotnet</c> command line as a new user would, in a folder outside the repository.</summary>
internal static class DotnetCli
{
    // Generous: a first build of the library on a busy two-core machine has taken five minutes.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>dotnet arguments…</c> in <paramref name="folder"/> and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">A non-zero exit or no exit within ten minutes; the message holds the command and everything it printed.</exception>
    public static string Run(string folder, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Configure(start.Environment, environment);
        string command = $"dotnet {string.Join(' ', arguments)} (in {folder})";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command}: could not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command}: expected an exit within {Patience.TotalMinutes} minutes; killed.\n{stdout.Result}\n{stderr.Result}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command}: expected exit code 0, actual {process.ExitCode}.\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    private static void Configure(IDictionary<string, string?> variables, IReadOnlyDictionary<string, string> overrides)
    {
        // The test host runs under "dotnet test": its MSBuild variables would steer the nested builds to the test's SDK
        // state instead of a plain command line's.
        foreach (string key in variables.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                                                      || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            variables.Remove(key);
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";
        // No build servers left running after the test: each build does its own work and exits.
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        variables["UseSharedCompilation"] = "false";
        foreach (var (key, value) in overrides) variables[key] = value;
    }
}
