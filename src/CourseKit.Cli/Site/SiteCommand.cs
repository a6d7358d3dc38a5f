using System.CommandLine;
using CourseKit.Charts;
using CourseKit.Interactive.Execution;
using CourseKit.Interactive.Site;

namespace CourseKit.Cli.Site;

/// <summary><c>coursekit site [NOTEBOOKS...|FOLDER] --output DIR [--execute] [--title TEXT] [--timeout SECONDS]</c>.</summary>
internal static class SiteCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Executed notebooks (.ipynb) or folders of them, in reading order (default: artifacts/course; with --execute: notebooks/solutions).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--output") { Description = "The folder the site is written to (replaced whole).", Required = true };
        var execute = new Option<bool>("--execute") { Description = "Run the notebooks through CourseKit's engine first (the files are not changed)." };
        var title = new Option<string>("--title") { Description = "The course's name on every page.", DefaultValueFactory = _ => "CourseKit: tuning, BatchNorm and softmax" };
        var timeout = new Option<double>("--timeout")
        {
            Description = "With --execute: seconds one cell may run.",
            DefaultValueFactory = _ => NotebookRunOptions.DefaultCellTimeout.TotalSeconds,
        };
        var command = new Command("site", "Publish executed chapters as a static HTML site that works offline (math by KaTeX, charts by plotly.js, both bundled).")
        {
            paths, output, execute, title, timeout,
        };
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [], parse.GetValue(output)!, parse.GetValue(execute), parse.GetValue(title)!, parse.GetValue(timeout)));
        return command;
    }

    private static int Run(string[] given, string output, bool execute, string title, double seconds)
    {
        if (!(seconds > 0) || double.IsInfinity(seconds)) return Usage($"--timeout: expected a positive number of seconds, actual {seconds}.");
        var paths = given.Length > 0 ? given : [SiteInputs.DefaultPath(execute)];
        foreach (string path in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            string hint = given.Length == 0 && !execute ? " (run ./run-course.sh first, or pass --execute to run notebooks/solutions)" : "";
            return Usage($"notebooks: expected a notebook file or a folder, actual '{path}' does not exist{hint}.");
        }
        var files = SiteInputs.Files(paths);
        if (files.Count == 0) return Usage($"notebooks: expected notebooks (*.ipynb), actual none in {string.Join(", ", paths)}.");
        try
        {
            var notebooks = SiteInputs.Load(files, execute, TimeSpan.FromSeconds(seconds), Console.Out, out int failed);
            var options = new SiteOptions { Title = title, PlotlyJsPath = PlotlyJs.Locate() };
            var site = SiteBuilder.Build(notebooks, output, options);
            foreach (var chapter in site.Chapters.Where(c => !c.Executed))
                Console.Error.WriteLine($"warning: {chapter.FileName}: no code cell has outputs; was the notebook executed? (pass --execute)");
            Console.WriteLine($"site: {site.Chapters.Count} chapter(s) in {site.Folder}; open {site.IndexPath}");
            if (failed > 0) Console.Error.WriteLine($"error: {failed} notebook(s) had failing cells; their errors are on the pages.");
            return failed > 0 ? 1 : 0;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"coursekit site: {message}");
        return 2;
    }
}
