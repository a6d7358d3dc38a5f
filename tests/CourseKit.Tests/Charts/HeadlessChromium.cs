using System.Diagnostics;

namespace CourseKit.Tests.Charts;

/// <summary>Runs Debian's chromium headless on a page, bounded by a timeout (the process tree is killed when it runs over).</summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    public static void RequireInstalled()
    {
        if (!File.Exists(Executable))
            Assert.Fail($"{Executable} not found: install the Debian package chromium (run-tests.sh installs it as root: apt-get install chromium).");
    }

    /// <summary>Loads <paramref name="page"/> with a fresh profile, lets its scripts run, and returns stdout and stderr.</summary>
    public static (string Stdout, string Stderr) Run(string page, TimeSpan timeout, params string[] extraArguments)
    {
        string profile = Directory.CreateTempSubdirectory("ck-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", .. extraArguments, new Uri(page).AbsoluteUri])
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"chromium did not finish within {timeout.TotalSeconds} s on {page} and was killed; stderr so far:\n{Tail(stderr)}");
            }
            process.WaitForExit(); // drains the redirected streams
            return (stdout.Result, stderr.Result);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } // chromium may still hold a lock file a moment
        }
    }

    /// <summary>Console messages that report errors: uncaught exceptions and console.error output.</summary>
    public static IReadOnlyList<string> ConsoleErrors(string stderr) =>
        stderr.Split('\n')
            .Where(line => line.Contains("CONSOLE", StringComparison.Ordinal)
                && (line.Contains("Uncaught", StringComparison.Ordinal) || line.Contains("error", StringComparison.OrdinalIgnoreCase)))
            .ToList();

    private static string Tail(Task<string> text) => text.IsCompletedSuccessfully ? text.Result[^Math.Min(2000, text.Result.Length)..] : "(not read)";
}
