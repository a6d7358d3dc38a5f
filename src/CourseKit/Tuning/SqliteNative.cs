using System.Reflection;
using System.Runtime.InteropServices;

namespace CourseKit.Tuning;

/// <summary>
/// Lets SQLite's native library load when the library itself was loaded from a folder the host does not know — a
/// notebook's <c>#r "…/notebook-lib/CourseKit.Core.dll"</c> in any .NET process. The host's usual probing (its
/// deps.json) is tried first; then <c>runtimes/&lt;rid&gt;/native/</c> beside the provider assembly, where the build puts it.
/// </summary>
internal static class SqliteNative
{
    private static int s_installed;

    public static void EnsureResolvable()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1) return;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // The host already installed a resolver for the provider: it knows where its native library is.
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (NativeLibrary.TryLoad(name, assembly, searchPath, out IntPtr handle)) return handle;
        string? folder = Path.GetDirectoryName(assembly.Location);
        if (string.IsNullOrEmpty(folder)) return IntPtr.Zero;
        foreach (string rid in RuntimeIdentifiers())
        {
            string candidate = Path.Combine(folder, "runtimes", rid, "native", FileName(name));
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out handle)) return handle;
        }
        return IntPtr.Zero;
    }

    private static IEnumerable<string> RuntimeIdentifiers()
    {
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        yield return RuntimeInformation.RuntimeIdentifier;
        if (OperatingSystem.IsWindows()) yield return $"win-{arch}";
        else if (OperatingSystem.IsMacOS()) yield return $"osx-{arch}";
        else
        {
            yield return $"linux-{arch}";
            yield return $"linux-musl-{arch}";
        }
    }

    private static string FileName(string name) =>
        OperatingSystem.IsWindows() ? $"{name}.dll" : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";
}
