using System.Text.Json.Nodes;
using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning.Storage;

/// <summary><c>coursekit study list|show|export|report|delete</c> run as a process on studies made here, in SQLite and PostgreSQL.</summary>
public class StudyCommandTests
{
    private static (int Code, string Out, string Err) Coursekit(params string[] args) => CoursekitProcess.Run(TimeSpan.FromMinutes(2), args);

    /// <summary>A study with a complete, a pruned and a failed trial, a categorical with a comma, and a second study.</summary>
    private static void Fill(IStudyStorage storage)
    {
        var study = Study.Create("digits, tpe", Direction.Maximize, new RandomSampler(), seed: 3, storage: storage);
        study.Optimize(t =>
        {
            double lr = t.Float("lr", 1e-4, 1, Scale.Log);
            string act = t.Categorical("act", "relu", "tanh, scaled");
            t.Report(0, lr);
            if (t.Number == 1) throw new TrialPrunedException();
            if (t.Number == 2) throw new InvalidOperationException("diverged \"badly\"");
            return act.Length + lr;
        }, 4);
        Study.Create("empty", storage: storage);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public void List_show_export_and_delete_see_what_the_library_stored(string kind)
    {
        using var temp = new TempFolder();
        string url = kind == "sqlite" ? "sqlite:///" + temp.File("studies.db") : PostgresCluster.NewDatabase();
        using (var storage = StudyStorage.Open(url)) Fill(storage);
        string password = kind == "sqlite" ? "\0" : new Uri(url).UserInfo.Split(':')[1];

        var list = Coursekit("study", "list", "--storage", url);
        Assert.True(list.Code == 0, list.Err);
        Assert.Contains("2 studies in ", list.Out);
        Assert.Matches(@"digits, tpe\s+maximize\s+4\s+2 complete, 1 pruned, 1 failed\s+\S+", list.Out);
        Assert.Matches(@"empty\s+minimize\s+0\s+none\s+—", list.Out);
        Assert.DoesNotContain(password, list.Out);

        var show = Coursekit("study", "show", "digits, tpe", "--storage", url);
        Assert.True(show.Code == 0, show.Err);
        Assert.Contains("parameter lr: float [0.0001, 1] log", show.Out);
        Assert.Matches(@"\n2\s+failed\s+\S+ s\s+\S+\s+(relu|tanh, scaled)\n", show.Out);

        string csvPath = temp.File("out.csv");
        Assert.Equal(0, Coursekit("study", "export", "digits, tpe", "--storage", url, "--output", csvPath).Code);
        var lines = File.ReadAllLines(csvPath);
        Assert.Equal("number,value,datetime_start,datetime_complete,duration_s,params_lr,params_act,state,seed,last_step,last_intermediate,error", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.EndsWith(",FAILED," + Seeds.Trial(3, 2) + ",0," + lines[3].Split(',')[5] + ",\"InvalidOperationException: diverged \"\"badly\"\"\"", lines[3]);

        var json = Coursekit("study", "export", "digits, tpe", "--storage", url, "--format", "json");
        var root = JsonNode.Parse(json.Out)!;
        Assert.Equal("maximize", (string?)root["study"]!["direction"]);
        var trials = root["trials"]!.AsArray();
        Assert.Equal(["complete", "pruned", "failed", "complete"], trials.Select(t => (string?)t!["state"]));
        using (var storage = StudyStorage.Open(url))
        {
            var stored = Study.Load("digits, tpe", storage).Trials[3];
            Assert.Equal(stored.Value, (double?)trials[3]!["value"]);
            Assert.Equal(stored.Params["act"], (string?)trials[3]!["params"]!["act"]);
        }

        string reportDir = temp.File("report");
        var report = Coursekit("study", "report", "digits, tpe", "--storage", url, "--output", reportDir);
        Assert.True(report.Code == 0, report.Err);
        string page = File.ReadAllText(Path.Combine(reportDir, "index.html"));
        Assert.Contains($"wrote {Path.Combine(reportDir, "index.html")}", report.Out);
        Assert.Contains("<h1>Study &#39;digits, tpe&#39;</h1>", page);
        Assert.Equal(4 + 1, System.Text.RegularExpressions.Regex.Matches(page, "<tr>").Count); // the header and every trial
        Assert.Contains("Parameter importance needs at least 4 complete trials", page);       // 2 complete: said, not drawn
        Assert.DoesNotContain(password, page);

        var deleted = Coursekit("study", "delete", "empty", "--storage", url);
        Assert.Contains("deleted study 'empty' (0 trials)", deleted.Out);
        var missing = Coursekit("study", "show", "empty", "--storage", url);
        Assert.Equal(1, missing.Code);
        Assert.Contains("no study named 'empty'", missing.Err);
        Assert.Contains("it has 'digits, tpe'", missing.Err);
    }

    [Fact]
    public void A_storage_that_cannot_be_used_exits_1_naming_it_and_a_bad_url_exits_2()
    {
        var refused = Coursekit("study", "list", "--storage", "postgresql://ada:topsecret@127.0.0.1:1/x");
        Assert.Equal(1, refused.Code);
        Assert.Contains("PostgreSQL at 127.0.0.1:1 (database 'x', user 'ada') could not be reached", refused.Err);
        Assert.DoesNotContain("topsecret", refused.Err + refused.Out);
        var bad = Coursekit("study", "list", "--storage", "mysql://ada:topsecret@db/x");
        Assert.Equal(2, bad.Code);
        Assert.DoesNotContain("topsecret", bad.Err);
    }

    [Fact]
    public void The_storage_benchmark_runs_its_worker_processes_and_leaves_no_study_behind()
    {
        using var temp = new TempFolder();
        string url = "sqlite:///" + temp.File("bench.db");
        var run = Coursekit("bench", "tuner", "--storage", url, "--workers", "2", "--trials", "30", "--json");
        Assert.True(run.Code == 0, run.Err);
        var result = JsonNode.Parse(run.Out)!;
        Assert.Equal(("sqlite", 2, "processes", 30), ((string?)result["kind"], (int)result["workers"]!, (string?)result["workers_are"], (int)result["trials"]!));
        Assert.True((double)result["trials_per_second"]! > 0);
        using var storage = StudyStorage.Open(url);
        Assert.Empty(storage.StudyNames());
    }
}
