namespace CourseKit.Cli.Grade;

/// <summary>
/// For the user sandbox, where files are protected only by their permissions: the solution, the seed file, the
/// submissions and the output folder must not be readable by other users, or a learner's code could read them.
/// </summary>
internal static class Exposure
{
    /// <summary>Throws, naming the paths and the command that fixes them, when any is readable by other users.</summary>
    public static void Require(GradeSettings settings, IReadOnlyList<Submission> submissions)
    {
        var paths = new[] { settings.OutputDir }.Concat(settings.SecretFiles).Concat(submissions.Select(s => s.Path));
        var exposed = paths.Where(p => File.Exists(p) || Directory.Exists(p)).Where(OthersCanRead).Distinct(StringComparer.Ordinal).ToList();
        if (exposed.Count == 0) return;
        throw new GraderException($"the user sandbox keeps learners' code away from files only by their permissions, and other users can read " +
            $"{string.Join(", ", exposed.Take(5))}{(exposed.Count > 5 ? $" and {exposed.Count - 5} more" : "")}: " +
            $"run chmod -R o-rwx on them (or their folders), or install bubblewrap (apt-get install bubblewrap).");
    }

    // Readable by "others" (the sandbox's users are nobody's group): every folder above it searchable and the path readable.
    private static bool OthersCanRead(string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) == 0) return false;
        }
        return (File.GetUnixFileMode(path) & UnixFileMode.OtherRead) != 0;
    }
}
