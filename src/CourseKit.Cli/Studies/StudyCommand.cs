using System.CommandLine;
using CourseKit.Tuning;

namespace CourseKit.Cli.Studies;

/// <summary>
/// <c>coursekit study list|show|export|report|delete --storage URL</c>: look after stored studies without writing code —
/// what <c>optuna studies</c>, <c>optuna trials</c> and <c>optuna delete-study</c> do for Optuna's storages.
/// </summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var list = new Command("list", "Every study in the storage: direction, trials by state, best value.") { StorageOption() };
        list.SetAction(parse => WithStorage(parse, storage => { Console.Write(StudyText.List(storage)); return 0; }));

        var showName = NameArgument();
        var show = new Command("show", "One study: its settings, best trial, and a table of its trials (parameters, state, value, duration).") { showName, StorageOption() };
        show.SetAction(parse => WithStudy(parse, showName, study => { Console.Write(StudyText.Show(study)); return 0; }));

        var exportName = NameArgument();
        var format = new Option<string>("--format") { Description = "csv (one row per trial, params_* columns) or json (everything).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--output") { Description = "The file to write (atomically); standard output when left out." };
        var export = new Command("export", "Write a study's trials as CSV or JSON.") { exportName, StorageOption(), format, output };
        export.SetAction(parse => WithStudy(parse, exportName, study =>
        {
            string text = parse.GetValue(format) == "json" ? StudyExport.Json(study) : StudyExport.Csv(study);
            if (parse.GetValue(output) is { } path) CourseKit.Training.AtomicFile.WriteAllText(path, text);
            else Console.Write(text);
            return 0;
        }));

        var deleteName = NameArgument();
        var delete = new Command("delete", "Delete a study and all its trials.") { deleteName, StorageOption() };
        delete.SetAction(parse => WithStudy(parse, deleteName, study =>
        {
            int trials = study.Trials.Count;
            study.Storage.DeleteStudy(study.Name);
            Console.WriteLine($"deleted study '{study.Name}' ({trials} trials) from {study.Storage.Description}");
            return 0;
        }));
        var reportName = NameArgument();
        var reportOutput = new Option<string>("--output") { Description = "The directory to write index.html into (created when missing).", Required = true };
        var report = new Command("report", "An offline HTML page of a study: the table of trials, optimization history, parameter importances, " +
            "parallel coordinates and intermediate curves (plotly.js inlined).") { reportName, StorageOption(), reportOutput };
        report.SetAction(parse => WithStudy(parse, reportName, study =>
        {
            Console.WriteLine($"wrote {CourseKit.Display.StudyReport.SaveReport(study, parse.GetValue(reportOutput)!)}");
            return 0;
        }));

        return new Command("study", "Stored studies: list, show, export (CSV/JSON), report (HTML), delete. --storage takes sqlite:///path.db or postgresql://user@host:port/db.")
        {
            list, show, export, report, delete,
        };
    }

    private static Option<string> StorageOption() => new("--storage")
    {
        Description = "Where the studies are: sqlite:///relative.db, sqlite:////absolute.db, postgresql://user:password@host:port/db " +
                      "(parts left out come from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE and ~/.pgpass).",
        Required = true,
    };

    private static Argument<string> NameArgument() => new("name") { Description = "The study's name." };

    private static int WithStudy(ParseResult parse, Argument<string> name, Func<Study, int> action) => WithStorage(parse, storage =>
    {
        string n = parse.GetValue(name)!;
        if (storage.FindStudy(n) is null)
        {
            var names = storage.StudyNames();
            Console.Error.WriteLine($"error: no study named '{n}' in {storage.Description}; it has {(names.Count == 0 ? "none" : string.Join(", ", names.Select(x => $"'{x}'")))}.");
            return 1;
        }
        return action(Study.Load(n, storage));
    });

    private static int WithStorage(ParseResult parse, Func<IStudyStorage, int> action)
    {
        string url = parse.GetValue<string>("--storage")!;
        if (url is "memory" or "")
        {
            Console.Error.WriteLine("coursekit study: --storage: expected sqlite:///… or postgresql://…, actual an in-memory storage (it holds no studies outside its process).");
            return 2;
        }
        try
        {
            using var storage = StudyStorage.Open(url);
            return action(storage);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"coursekit study: --storage: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is StudyStorageUnavailableException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
