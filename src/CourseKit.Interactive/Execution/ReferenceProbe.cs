using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace CourseKit.Interactive.Execution;

/// <summary>
/// Loads the dependencies of <c>#r</c>'d assemblies from the folders they were referenced in, into the default load
/// context: hooked into <see cref="AssemblyLoadContext.Resolving"/> of <see cref="AssemblyLoadContext.Default"/>, which
/// the runtime asks only after the host's own assemblies (its TPA list) — so an assembly the host already ships (the
/// <c>coursekit</c> tool ships CourseKit.Core) is used as is and never loaded a second time.
/// </summary>
/// <remarks>Folders are process-wide and only added: every notebook run in the process may resolve from them.</remarks>
internal static class ReferenceProbe
{
    private static readonly ConcurrentDictionary<string, byte> Folders = new(StringComparer.Ordinal);
    private static int _installed;

    /// <summary>Adds a folder to probe and installs the hook on first use.</summary>
    public static void AddFolder(string folder)
    {
        Folders.TryAdd(Path.GetFullPath(folder), 0);
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null) return null;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()) && AssemblyLoadContext.GetLoadContext(a) == context);
        if (loaded is not null) return loaded;
        foreach (var folder in Folders.Keys.Order(StringComparer.Ordinal))
        {
            string candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
