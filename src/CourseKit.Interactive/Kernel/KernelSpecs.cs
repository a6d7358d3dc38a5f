using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Kernel;

/// <summary>Where <c>coursekit kernel install</c> writes the kernelspec, as <c>jupyter kernelspec install</c>'s flags say.</summary>
public enum KernelSpecScope
{
    /// <summary>The system-wide Jupyter data folder (<c>/usr/local/share/jupyter</c>; <c>%PROGRAMDATA%\jupyter</c>).</summary>
    System,

    /// <summary>The user's Jupyter data folder (<c>$JUPYTER_DATA_DIR</c>, else <c>~/.local/share/jupyter</c> …).</summary>
    User,

    /// <summary><c>sys.prefix/share/jupyter</c> of the <c>python3</c> on PATH (the Python environment that runs Jupyter).</summary>
    SysPrefix,

    /// <summary><c>PREFIX/share/jupyter</c>.</summary>
    Prefix,
}

/// <summary>
/// Installs, lists and removes Jupyter kernelspecs the way <c>jupyter kernelspec</c> does: a folder
/// <c>kernels/NAME/</c> under a Jupyter data folder holding <c>kernel.json</c> (argv, display name, language,
/// interrupt mode) and the logos.
/// </summary>
public static class KernelSpecs
{
    /// <summary>The kernelspec name CourseKit installs, and the one the chapters name.</summary>
    public const string DefaultName = "coursekit";

    /// <summary>The display name frontends show.</summary>
    public const string DefaultDisplayName = "C# (CourseKit)";

    /// <summary>
    /// The environment the kernelspec starts the kernel with: tiered PGO off. With it on (.NET's default), every method
    /// of the ReadyToRun code that runs hot is compiled a second time with instrumentation before its final version — in
    /// a kernel, thousands of Roslyn methods per chapter (chapter 1 through nbclient: 11.0–12.2 s of kernel CPU time
    /// without, 13.2–13.7 s with), while the course's hot loops are <c>AggressiveOptimization</c> kernels that tiering
    /// never touches.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KernelEnvironment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };

    /// <summary>Writes kernelspec <paramref name="name"/> starting <paramref name="argv"/> with <see cref="KernelEnvironment"/>; returns its folder.</summary>
    public static string Install(KernelSpecScope scope, string? prefix, string name, string displayName, IReadOnlyList<string> argv)
    {
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            throw new ArgumentException($"expected a kernelspec name of ASCII letters, digits, '.', '_' or '-', actual '{name}'.", nameof(name));
        string folder = Path.Combine(DataDirectory(scope, prefix), "kernels", name);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(argv.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["display_name"] = displayName,
            ["language"] = KernelReplies.LanguageName,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
            ["env"] = new JsonObject(KernelEnvironment.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)JsonValue.Create(e.Value)))),
        };
        Directory.CreateDirectory(folder);
        foreach (string logo in new[] { "logo-32x32.png", "logo-64x64.png" })
        {
            using var source = typeof(KernelSpecs).Assembly.GetManifestResourceStream($"CourseKit.Interactive.Kernel.{logo}")!;
            using var bytes = new MemoryStream();
            source.CopyTo(bytes);
            AtomicFile.Write(Path.Combine(folder, logo), bytes.ToArray());
        }
        AtomicFile.WriteText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return folder;
    }

    /// <summary>Every kernelspec Jupyter would find, by name (the first found wins, as in Jupyter's search order).</summary>
    public static IReadOnlyList<(string Name, string Folder)> List()
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string data in SearchPath())
        {
            string kernels = Path.Combine(data, "kernels");
            if (!Directory.Exists(kernels)) continue;
            foreach (string folder in Directory.GetDirectories(kernels).Order(StringComparer.Ordinal))
                if (File.Exists(Path.Combine(folder, "kernel.json"))) found.TryAdd(Path.GetFileName(folder), folder);
        }
        return found.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Removes kernelspec <paramref name="name"/> where Jupyter finds it; returns the folder removed, or null.</summary>
    public static string? Uninstall(string name)
    {
        var match = List().FirstOrDefault(k => k.Name == name);
        if (match.Folder is null) return null;
        Directory.Delete(match.Folder, recursive: true);
        return match.Folder;
    }

    /// <summary>The Jupyter data folder for <paramref name="scope"/>.</summary>
    public static string DataDirectory(KernelSpecScope scope, string? prefix = null) => scope switch
    {
        KernelSpecScope.User => UserDataDirectory(),
        KernelSpecScope.Prefix => Path.Combine(Path.GetFullPath(prefix ?? throw new ArgumentNullException(nameof(prefix), "expected a folder for --prefix.")), "share", "jupyter"),
        KernelSpecScope.SysPrefix => Path.Combine(PythonPrefix(), "share", "jupyter"),
        _ => OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")
            : "/usr/local/share/jupyter",
    };

    private static IEnumerable<string> SearchPath()
    {
        foreach (string p in (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)) yield return p;
        yield return UserDataDirectory();
        if (TryPythonPrefix() is { } env) yield return Path.Combine(env, "share", "jupyter");
        if (OperatingSystem.IsWindows()) yield return DataDirectory(KernelSpecScope.System);
        else { yield return "/usr/local/share/jupyter"; yield return "/usr/share/jupyter"; }
    }

    private static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDir) return explicitDir;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        string xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter");
    }

    private static string PythonPrefix() => TryPythonPrefix()
        ?? throw new InvalidOperationException("--sys-prefix: expected python3 on PATH (the Python that runs Jupyter), actual none found.");

    private static string? TryPythonPrefix()
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.prefix)"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (python is null) return null;
            string prefix = python.StandardOutput.ReadToEnd().Trim();
            python.WaitForExit();
            return python.ExitCode == 0 && prefix.Length > 0 ? prefix : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
