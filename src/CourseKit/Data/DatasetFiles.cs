using System.Security.Cryptography;

namespace CourseKit.Data;

/// <summary>Finds the repository's <c>datasets/</c> folder and checks file checksums.</summary>
/// <remarks>
/// Search order: an explicit folder; the environment variable <c>COURSEKIT_DATASETS</c>; then a <c>datasets/</c>
/// folder holding the file in the library assembly's folder or any parent, then in the current directory or any
/// parent. That finds the repository copy from notebooks (<c>notebooks/</c>), tests (<c>tests/…/bin/…</c>) and the CLI.
/// </remarks>
public static class DatasetFiles
{
    /// <summary>The environment variable that names the datasets folder: <c>COURSEKIT_DATASETS</c>.</summary>
    public const string EnvironmentVariable = "COURSEKIT_DATASETS";

    /// <summary>The full path of <paramref name="fileName"/> inside the datasets folder (see the remarks for the search order).</summary>
    /// <param name="fileName">A file name such as <c>digits.csv.gz</c>.</param>
    /// <param name="folder">An explicit folder; when given, only this folder is used.</param>
    /// <exception cref="FileNotFoundException">The file is in none of the searched places; the message lists them.</exception>
    public static string Locate(string fileName, string? folder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (folder is not null)
            return File.Exists(Path.Combine(folder, fileName)) ? Path.GetFullPath(Path.Combine(folder, fileName))
                : throw new FileNotFoundException($"{fileName}: not found in the folder given, '{Path.GetFullPath(folder)}'.", Path.Combine(folder, fileName));
        var searched = new List<string>();
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            string candidate = Path.GetFullPath(Path.Combine(fromEnvironment, fileName));
            if (File.Exists(candidate)) return candidate;
            searched.Add($"{candidate} (from {EnvironmentVariable})");
        }
        foreach (string? start in new[] { AssemblyFolder(), Environment.CurrentDirectory })
        {
            if (string.IsNullOrEmpty(start)) continue;
            string? found = WalkUp(start, fileName);
            if (found is not null) return found;
            searched.Add($"datasets/{fileName} in '{start}' and every parent folder");
        }
        throw new FileNotFoundException(
            $"{fileName}: not found. Searched: {string.Join("; ", searched)}. " +
            $"Pass the folder explicitly or set {EnvironmentVariable} to the folder that holds {fileName}.", fileName);
    }

    /// <summary>
    /// Reads <paramref name="fileName"/> from the datasets folder (see <see cref="Locate"/>) and verifies its SHA-256.
    /// When no folder is given and none is found — the library used outside the repository, e.g. from an installed
    /// tool — the copy embedded in the library is used, verified the same way.
    /// </summary>
    /// <returns>The bytes and where they came from (a path, or the embedded copy's name), for messages.</returns>
    public static (byte[] Bytes, string Source) ReadVerified(string fileName, string? folder, string expectedSha256)
    {
        string path;
        try
        {
            path = Locate(fileName, folder);
        }
        catch (FileNotFoundException) when (folder is null && Embedded(fileName) is { } embedded)
        {
            string source = $"embedded copy of datasets/{fileName}";
            VerifySha256(embedded, expectedSha256, source);
            return (embedded, source);
        }
        return (ReadVerified(path, expectedSha256), path);
    }

    internal static byte[]? Embedded(string fileName)
    {
        using var stream = typeof(DatasetFiles).Assembly.GetManifestResourceStream($"CourseKit.datasets.{fileName}");
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Lowercase hexadecimal SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Throws an <see cref="InvalidDataException"/> naming the file, the expected and the actual hash when they differ.</summary>
    /// <param name="bytes">The file's contents.</param>
    /// <param name="expectedSha256">Lowercase or uppercase hexadecimal SHA-256.</param>
    /// <param name="path">The file, named in the message.</param>
    public static void VerifySha256(ReadOnlySpan<byte> bytes, string expectedSha256, string path)
    {
        string actual = Sha256(bytes);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"{path}: checksum mismatch: expected sha256 {expectedSha256.ToLowerInvariant()}, actual {actual}. " +
                "The file is damaged or not the copy described in datasets/README.md; restore it from the repository.");
    }

    /// <summary>Reads <paramref name="path"/> and checks its SHA-256 (see <see cref="VerifySha256"/>).</summary>
    internal static byte[] ReadVerified(string path, string expectedSha256)
    {
        byte[] bytes = File.ReadAllBytes(path);
        VerifySha256(bytes, expectedSha256, path);
        return bytes;
    }

    private static string? AssemblyFolder()
    {
        string location = typeof(DatasetFiles).Assembly.Location; // empty for single-file apps
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location);
    }

    private static string? WalkUp(string start, string fileName)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
