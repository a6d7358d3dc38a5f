using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Training;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

/// <summary>Several runs' histories in one chart: a panel per metric, one color and one legend entry per run across panels.</summary>
public sealed class HistoryComparisonTests
{
    private static readonly Dataset[] Parts = Splits.Stratified(Synthetic.Blobs(150, centers: 3, noise: 0.8, seed: 4), [0.8, 0.2], seed: 1);

    private static History Train(float learningRate, int epochs = 3, bool dev = true)
    {
        var model = new Sequential(new Dense(8), new Relu(), new Dense(3)).Build(2, seed: 5);
        return new Trainer(model, new SoftmaxCrossEntropyLoss(), new Adam(learningRate))
            .Fit(Parts[0], dev ? Parts[1] : null, new FitOptions { Epochs = epochs, BatchSize = 32, Seed = 1 });
    }

    private static readonly History Slow = Train(0.001f), Fast = Train(0.05f);

    [Fact]
    public void Each_run_has_one_color_and_one_legend_entry_across_the_panels()
    {
        var chart = HistoryCharts.Compare([("slow", Slow), ("fast", Fast)], HistoryMetric.Cost.OnLogScale(), HistoryMetric.DevAccuracy);
        var traces = Traces(chart);
        Assert.Equal(["slow", "fast", "slow", "fast"], traces.Select(t => t.GetProperty("name").GetString()!));
        Assert.Equal(["x", "x", "x2", "x2"], traces.Select(t => t.GetProperty("xaxis").GetString()!));
        Assert.Equal([true, true, false, false], traces.Select(t => t.GetProperty("showlegend").GetBoolean()));
        string Color(int k) => traces[k].GetProperty("line").GetProperty("color").GetString()!;
        Assert.Equal(Color(0), Color(2));
        Assert.Equal(Color(1), Color(3));
        Assert.NotEqual(Color(0), Color(1));
        Assert.Equal(Slow.Epochs.Select(e => (double)e.Cost), Numbers(traces[0].GetProperty("y")).Select(v => (double)(float)v));
        Assert.Equal(Fast.Epochs.Select(e => (double)e.ValidationAccuracy!.Value), Numbers(traces[3].GetProperty("y")).Select(v => (double)(float)v));
        var layout = Layout(chart);
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("linear", layout.GetProperty("yaxis2").GetProperty("type").GetString());
    }

    [Fact]
    public void One_metric_gives_one_chart_and_a_custom_metric_reads_any_quantity()
    {
        var gap = new HistoryMetric("Dev − training cost", "cost gap", e => e.ValidationCost - e.Cost);
        var chart = HistoryCharts.Compare([("slow", Slow), ("fast", Fast)], gap);
        var traces = Traces(chart);
        Assert.Equal(2, traces.Length);
        Assert.Equal("Dev − training cost", Layout(chart).GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(Slow.Epochs.Select(e => (double)(e.ValidationCost!.Value - e.Cost)), Numbers(traces[0].GetProperty("y")).Select(v => (double)(float)v));
    }

    [Fact]
    public void Runs_of_different_lengths_keep_their_own_epochs()
    {
        var traces = Traces(HistoryCharts.Compare([("3 epochs", Slow), ("5 epochs", Train(0.01f, epochs: 5))], HistoryMetric.Accuracy));
        Assert.Equal([1.0, 2, 3], Numbers(traces[0].GetProperty("x")));
        Assert.Equal([1.0, 2, 3, 4, 5], Numbers(traces[1].GetProperty("x")));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        Assert.Equal("runs", Assert.Throws<ArgumentException>(() => HistoryCharts.Compare([], HistoryMetric.Cost)).ParamName);
        Assert.Equal("metrics", Assert.Throws<ArgumentException>(() => HistoryCharts.Compare([("a", Slow)])).ParamName);
        var twice = Assert.Throws<ArgumentException>(() => HistoryCharts.Compare([("a", Slow), ("a", Fast)], HistoryMetric.Cost));
        Assert.Contains("'a' 2 times", twice.Message);
        var noDev = Assert.Throws<ArgumentException>(() => HistoryCharts.Compare([("no dev", Train(0.01f, dev: false))], HistoryMetric.DevCost));
        Assert.Contains("no run recorded 'Dev cost'", noDev.Message);
        Assert.Contains("expected epochs", Assert.Throws<ArgumentException>(() => HistoryCharts.Compare([("empty", new History())], HistoryMetric.Cost)).Message);
    }
}
