namespace CourseKit.Cli.Run;

/// <summary>The notebooks a <c>coursekit run</c> path names, and where their executed copies go.</summary>
internal static class NotebookFiles
{
    /// <summary>A file as given; a folder's <c>*.ipynb</c> directly in it, sorted by name (subfolders such as solutions/ are not entered).</summary>
    public static IReadOnlyList<string> Find(string path) => File.Exists(path)
        ? [Path.GetFullPath(path)]
        : Directory.EnumerateFiles(Path.GetFullPath(path), "*.ipynb", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>Where executed notebooks are written.</summary>
internal sealed record RunDestination(string Kind, string? FolderPath)
{
    /// <summary>Not written: the run only reports.</summary>
    public static readonly RunDestination None = new("none", null);

    /// <summary>Over the original file.</summary>
    public static readonly RunDestination InPlace = new("in-place", null);

    /// <summary>Into <paramref name="folder"/>, same file name.</summary>
    public static RunDestination Folder(string folder) => new("folder", Path.GetFullPath(folder));

    /// <summary>The path to write <paramref name="notebookPath"/>'s executed copy to, or null when not written.</summary>
    public string? PathFor(string notebookPath) => Kind switch
    {
        "in-place" => notebookPath,
        "folder" => Path.Combine(FolderPath!, Path.GetFileName(notebookPath)),
        _ => null,
    };
}
