using System.CommandLine;
using CourseKit.Interactive.Execution;

namespace CourseKit.Cli.Run;

/// <summary><c>coursekit run NOTEBOOK|FOLDER [--output DIR | --in-place] [--timeout SECONDS]</c>.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A notebook (.ipynb), or a folder: every *.ipynb directly in it, by name (solutions/ only when given)." };
        var output = new Option<string?>("--output") { Description = "Write the executed notebooks into this folder." };
        var inPlace = new Option<bool>("--in-place") { Description = "Write the executed notebooks over the originals." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one cell may run; a cell past it fails and the notebook's later cells are not run.",
            DefaultValueFactory = _ => NotebookRunOptions.DefaultCellTimeout.TotalSeconds,
        };
        var command = new Command("run", "Run notebooks' C# cells, write their outputs, and print each chapter's checks.")
        {
            path, output, inPlace, timeout,
        };
        command.SetAction(parse =>
        {
            string? outputDir = parse.GetValue(output);
            double seconds = parse.GetValue(timeout);
            if (outputDir is not null && parse.GetValue(inPlace))
                return Usage("--output and --in-place: expected at most one of them, actual both.");
            if (!(seconds > 0) || double.IsInfinity(seconds))
                return Usage($"--timeout: expected a positive number of seconds, actual {seconds}.");
            string target = parse.GetValue(path)!;
            if (!File.Exists(target) && !Directory.Exists(target))
                return Usage($"path: expected a notebook file or a folder, actual '{target}' does not exist.");
            var files = NotebookFiles.Find(target);
            if (files.Count == 0) return Usage($"path: expected notebooks (*.ipynb), actual none in '{target}'.");
            var destination = parse.GetValue(inPlace) ? RunDestination.InPlace : outputDir is null ? RunDestination.None : RunDestination.Folder(outputDir);
            var options = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(seconds) };
            return RunReport.RunAll(files, options, destination, Console.Out, Console.Error);
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit run: {message}");
        return 2;
    }
}
