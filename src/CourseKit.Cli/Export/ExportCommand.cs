using System.CommandLine;
using CourseKit.Interactive.Export;

namespace CourseKit.Cli.Export;

/// <summary><c>coursekit export CHAPTER.ipynb --output DIR [--project PATH]</c>: a chapter as a .NET 10 file-based app.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The chapter (.ipynb)." };
        var output = new Option<string>("--output") { Description = "The folder the app (NAME.cs) and its charts go to.", Required = true };
        var project = new Option<string?>("--project") { Description = "The library's project (default: src/CourseKit/CourseKit.csproj above the notebook)." };
        var command = new Command("export", "Write a chapter as a .NET 10 file-based app (dotnet run NAME.cs): markdown as comments, cells in order, the library by #:project.")
        {
            notebook, output, project,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(notebook)!;
            if (!File.Exists(path)) return Usage($"notebook: expected an existing .ipynb file, actual '{path}' does not exist.");
            string? library = parse.GetValue(project) ?? FindLibrary(Path.GetDirectoryName(Path.GetFullPath(path))!);
            if (library is null) return Usage("--project: expected src/CourseKit/CourseKit.csproj in a folder above the notebook, found none; pass --project.");
            try
            {
                string written = FileAppExporter.Export(path, parse.GetValue(output)!, library);
                Console.WriteLine($"exported {written} (run: dotnet run {written})");
                return 0;
            }
            catch (Exception e) when (e is ExportException or InvalidDataException)
            {
                Console.Error.WriteLine($"coursekit export: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static string? FindLibrary(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "CourseKit", "CourseKit.csproj");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit export: {message}");
        return 2;
    }
}
