using System.Text;

namespace CourseKit.Cli.Grade;

/// <summary>
/// Turns the SUBMISSION arguments into one submission per learner: a file is one submission; a folder holds one per
/// <c>*.ipynb</c> in it and one per sub-folder <c>NAME/</c> with notebooks. The learner's name is the file name, or the
/// folder's when the file is named like the assignment (<c>alice/07-softmax-regression.ipynb</c> → alice).
/// </summary>
internal static class SubmissionFinder
{
    /// <summary>The submissions, in argument order (folders sorted by name); names made unique with -2, -3 ….</summary>
    /// <exception cref="FileNotFoundException">An argument is neither a file nor a folder.</exception>
    public static IReadOnlyList<Submission> Find(IEnumerable<string> arguments, string assignment)
    {
        var files = new List<(string Name, string Path)>();
        foreach (string argument in arguments)
        {
            if (File.Exists(argument)) files.Add((NameOf(argument, assignment), argument));
            else if (Directory.Exists(argument))
            {
                foreach (string file in Directory.GetFiles(argument, "*.ipynb").Order(StringComparer.Ordinal))
                    files.Add((NameOf(file, assignment), file));
                foreach (string folder in Directory.GetDirectories(argument).Order(StringComparer.Ordinal))
                {
                    var inside = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
                    var chosen = inside.Where(f => Path.GetFileNameWithoutExtension(f) == assignment).ToList() is { Count: 1 } named ? named : inside;
                    foreach (string file in chosen)
                        files.Add((chosen.Count == 1 ? Path.GetFileName(folder) : $"{Path.GetFileName(folder)}-{Path.GetFileNameWithoutExtension(file)}", file));
                }
            }
            else throw new FileNotFoundException($"submission: expected a notebook file or a folder, actual '{argument}' does not exist.", argument);
        }
        var taken = new HashSet<string>(ReservedNames, StringComparer.OrdinalIgnoreCase);
        return files.Select(f => new Submission(Unique(Safe(f.Name), taken), Path.GetFullPath(f.Path))).ToList();
    }

    /// <summary>Names the grader writes into the output folder itself: no learner gets one (a folder "gradebook.csv" becomes "gradebook.csv-2").</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["gradebook.csv"];

    private static string NameOf(string file, string assignment)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        string prefix = new(assignment.TakeWhile(char.IsDigit).ToArray());
        bool generic = stem == assignment || (prefix.Length > 0 && stem.StartsWith(prefix, StringComparison.Ordinal));
        string? folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)));
        return generic && !string.IsNullOrEmpty(folder) ? folder : stem;
    }

    private static string Safe(string name)
    {
        var safe = new StringBuilder();
        foreach (char c in name) safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_');
        string result = safe.ToString().Trim('.');
        return result.Length == 0 ? "student" : result;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int n = 2; !taken.Add(candidate); n++) candidate = $"{name}-{n}";
        return candidate;
    }
}
