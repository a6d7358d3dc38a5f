using System.CommandLine;
using CourseKit.Interactive.Release;

namespace CourseKit.Cli.Release;

/// <summary><c>coursekit release [SOURCE] [--output DIR] [--check]</c>: solution notebooks → student notebooks.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "The folder of solution notebooks.",
            DefaultValueFactory = _ => Path.Combine("notebooks", "solutions"),
        };
        var output = new Option<string>("--output")
        {
            Description = "The folder the student notebooks go to.",
            DefaultValueFactory = _ => "notebooks",
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the student notebooks differ from a fresh release (the CI sync check)." };
        var command = new Command("release", "Generate student notebooks from solution notebooks (solutions become NotImplementedException, outputs cleared, checks locked, examples' expected outputs captured by running the solution).")
        {
            source, output, check,
        };
        command.SetAction(parse =>
        {
            string from = parse.GetValue(source)!, to = parse.GetValue(output)!;
            try
            {
                if (parse.GetValue(check))
                {
                    var stale = NotebookRelease.OutOfSync(from, to);
                    foreach (string file in stale)
                        Console.Error.WriteLine($"{file}: differs from the release of {from} — run `coursekit release {from} --output {to}` and commit the result.");
                    Console.WriteLine(stale.Count == 0 ? $"{to}: in sync with {from}." : $"{stale.Count} student notebook(s) out of sync.");
                    return stale.Count == 0 ? 0 : 1;
                }
                var written = NotebookRelease.ReleaseFolder(from, to);
                foreach (string file in written) Console.WriteLine($"released {file}");
                if (written.Count == 0) Console.WriteLine($"{to}: already up to date.");
                return 0;
            }
            catch (Exception e) when (e is ReleaseException or DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
