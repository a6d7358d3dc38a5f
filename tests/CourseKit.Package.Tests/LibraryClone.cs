namespace CourseKit.Package.Tests;

/// <summary>
/// The part of the repository a build of src/CourseKit reads (with the grading protocol it references), copied elsewhere as a clone would have it (build outputs
/// left out): a project directive can then build the library without writing into this repository, whose outputs
/// other tests are reading while this one runs.
/// </summary>
internal static class LibraryClone
{
    private static readonly string[] Files = ["Directory.Build.props", "Directory.Packages.props", ".editorconfig", "LICENSE"];
    private static readonly string[] Folders = ["datasets", Path.Combine("src", "CourseKit"), Path.Combine("src", "CourseKit.Protocol")];
    private static readonly string[] BuildOutputs = ["bin", "obj"];

    /// <summary>Copies the library's sources from <paramref name="repository"/> into <paramref name="destination"/>; returns it.</summary>
    public static string Copy(string repository, string destination)
    {
        foreach (string file in Files)
            File.Copy(Path.Combine(repository, file), Path.Combine(destination, file));
        foreach (string folder in Folders)
            CopyFolder(Path.Combine(repository, folder), Path.Combine(destination, folder));
        return destination;
    }

    private static void CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (string folder in Directory.GetDirectories(source))
        {
            string name = Path.GetFileName(folder);
            if (!BuildOutputs.Contains(name)) CopyFolder(folder, Path.Combine(destination, name));
        }
    }
}
