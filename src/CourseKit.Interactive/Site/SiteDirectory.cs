namespace CourseKit.Interactive.Site;

/// <summary>
/// Writes a site folder as a whole: everything goes into a staging folder beside the target, which then replaces the
/// target by renames — a reader never sees a half-written site, and a failed build leaves the old one as it was.
/// A folder is replaced only when it is empty or was written by <c>coursekit site</c> (it holds <see cref="MarkerFile"/>),
/// so pointing <c>--output</c> at the wrong folder deletes nothing.
/// </summary>
internal static class SiteDirectory
{
    /// <summary>The file that marks a folder as a CourseKit site.</summary>
    public const string MarkerFile = ".coursekit-site";

    /// <summary>Runs <paramref name="write"/> on a fresh staging folder, then moves it to <paramref name="target"/>.</summary>
    /// <exception cref="IOException"><paramref name="target"/> is a file, or a non-empty folder that is not a CourseKit site.</exception>
    public static void Replace(string target, Action<string> write)
    {
        string full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        if (File.Exists(full)) throw new IOException($"{target}: expected a folder for the site, actual a file.");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !File.Exists(Path.Combine(full, MarkerFile)))
            throw new IOException($"{target}: not replaced: the folder is not empty and was not written by coursekit site (it has no {MarkerFile}). Choose an empty or new folder.");
        string parent = Path.GetDirectoryName(full) ?? throw new IOException($"{target}: the site cannot be the file system's root.");
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string staging = Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            write(staging);
            File.WriteAllText(Path.Combine(staging, MarkerFile), "Written by `coursekit site`; the whole folder is replaced on the next build.\n");
            Swap(staging, full, parent, name);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static void Swap(string staging, string target, string parent, string name)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        string old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        Directory.Move(target, old);
        try { Directory.Move(staging, target); }
        catch
        {
            Directory.Move(old, target); // put the previous site back
            throw;
        }
        Directory.Delete(old, recursive: true);
    }
}
