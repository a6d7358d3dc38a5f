using CourseKit.Charts;
using CourseKit.Display;
using CourseKit.Tests.Display;
using CourseKit.Tuning;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Tuning;

/// <summary>Experiment tracking from a study: every run's configuration and curve in one table, and one comparison chart.</summary>
public class RunTableTests
{
    // Quality q in [0, 1] grows to q·step/4 over 4 steps; trial 3 fails before reporting, trial 4 stops after 2 steps (pruned).
    private static Study Tracked()
    {
        var study = Study.Create("tracked", Direction.Maximize, new RandomSampler(), seed: 1);
        study.Optimize(t =>
        {
            double q = t.Float("q", 0, 1);
            int units = t.Int("units", 8, 64, step: 8);
            if (t.Number == 3) throw new InvalidOperationException("diverged");
            for (int step = 1; step <= 4; step++)
            {
                t.Report(step, q * step / 4);
                if (t.Number == 4 && step == 2) throw new TrialPrunedException();
            }
            return q + units / 1000.0;
        }, trials: 6);
        return study;
    }

    [Fact]
    public void Every_trial_is_a_row_with_its_configuration_curve_and_value()
    {
        var study = Tracked();
        var table = study.Runs();
        Assert.Equal(["q", "units"], table.Parameters);
        Assert.Equal([1, 2, 3, 4], table.Steps);
        Assert.Equal(6, table.Rows.Count);
        var row0 = table.Rows[0];
        Assert.Equal(study.Trials[0].Params.Get<double>("q") * 3 / 4, row0.Curve[3], 12);
        Assert.Equal(study.Trials[0].Value, row0.Value);
        Assert.Equal((TrialState.Failed, 0), (table.Rows[3].State, table.Rows[3].Curve.Count));
        Assert.Equal((TrialState.Pruned, 2), (table.Rows[4].State, table.Rows[4].Curve.Count));
        Assert.Equal(study.BestTrial.Number, table.Best!.Trial);
        Assert.Equal($"q={study.Trials[0].Params.Get<double>("q"):G4}, units={study.Trials[0].Params.Get<int>("units")}", row0.Describe());
    }

    [Fact]
    public void The_table_shows_each_step_a_sparkline_per_run_and_marks_the_best()
    {
        var study = Tracked();
        string text = Formatters.Format(study.Runs(), MimeTypes.PlainText);
        string[] lines = text.Split('\n');
        Assert.StartsWith($"Runs of study 'tracked' (maximize): 6 runs; best {Numbers.Compact(study.BestValue)} (trial {study.BestTrial.Number})", lines[0]);
        Assert.Equal(["trial", "state", "q", "units", "step", "1", "step", "2", "step", "3", "step", "4", "value", "seconds"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"★ {study.BestTrial.Number}", text);
        Assert.Contains("failed", lines[5]);
        string html = Formatters.Format(study.Runs(), MimeTypes.Html);
        Assert.Equal(5, html.Split("<polyline").Length - 1);         // every run that reported a curve, not the failed one
        Assert.Contains(">curve</th>", html);
        Assert.Contains($">{Numbers.Compact(study.Trials[1].Intermediate[2])}</td>", html);
    }

    [Fact]
    public void A_long_curve_shows_its_first_and_last_steps()
    {
        var study = Study.Create("long", Direction.Minimize, new RandomSampler());
        study.Optimize(t =>
        {
            double x = t.Float("x", 0, 1);
            for (int step = 1; step <= 30; step++) t.Report(step, x / step);
            return x / 30;
        }, trials: 2);
        string header = RunTableFormatterSource.ToText(study.Runs()).Split('\n')[1];
        Assert.Contains("step 5", header);
        Assert.Contains("…", header);
        Assert.Contains("step 26", header);
        Assert.DoesNotContain("step 6 ", header);
    }

    [Fact]
    public void The_comparison_chart_names_each_curve_by_its_configuration_best_first_and_colors_it_by_value()
    {
        var study = Tracked();
        var traces = Traces(study.PlotIntermediateValues(showConfiguration: true));
        var rows = study.Runs().Rows.Where(r => r.Curve.Count > 0).ToList();
        Assert.Equal(rows.Count, traces.Length);
        string first = traces[0].GetProperty("name").GetString()!;
        var best = rows.Where(r => r.State == TrialState.Complete).MaxBy(r => r.Curve[4])!;
        Assert.Equal($"trial {best.Trial}: {best.Describe()}", first);
        Assert.Equal("rgb(253, 231, 37)", traces[0].GetProperty("line").GetProperty("color").GetString());   // the brightest for the best
        var pruned = traces.Single(t => t.GetProperty("name").GetString()!.EndsWith("(pruned)"));
        Assert.Equal("dot", pruned.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(2, pruned.GetProperty("x").GetArrayLength());
        // Without the configuration, the chart is the plain one: trial numbers and states.
        Assert.Equal("trial 0 (complete)", Traces(study.PlotIntermediateValues()).First().GetProperty("name").GetString());
    }

    [Fact]
    public void A_study_without_curves_says_so()
    {
        var study = Study.Create("no curves", Direction.Minimize, new RandomSampler());
        study.Optimize(t => t.Float("x", 0, 1), trials: 2);
        Assert.Empty(study.Runs().Steps);
        Assert.Contains("no run reported a curve", RunTableFormatterSource.ToText(study.Runs()));
        Assert.Contains("no trials to draw run curves", Assert.Throws<InvalidOperationException>(() => study.PlotIntermediateValues(true)).Message);
    }
}
