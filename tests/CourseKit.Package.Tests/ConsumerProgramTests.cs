using System.Globalization;

namespace CourseKit.Package.Tests;

/// <summary>
/// The consumer program's own results, run in this process: the reference the consumer apps are compared with, so it
/// must show a run that learned, a chart of it, and a study that survived being reopened.
/// </summary>
public sealed class ConsumerProgramTests
{
    private static readonly Dictionary<string, string> Results = ConsumerSource.ExpectedLines
        .Select(l => l.Split(": ", 2)).ToDictionary(kv => kv[0], kv => kv[1]);

    private static double Number(string key) => double.Parse(Results[key], CultureInfo.InvariantCulture);

    [Fact]
    public void Training_lowers_the_cost_and_classifies_the_dev_set()
    {
        Assert.True(Number("last cost") < Number("first cost") / 4, $"cost {Number("first cost")} → {Number("last cost")}: expected a fourfold drop.");
        Assert.True(Number("dev accuracy") >= 0.9, $"dev accuracy {Number("dev accuracy")}: expected ≥ 0.9.");
    }

    [Fact]
    public void The_chart_holds_every_epoch_of_the_four_curves()
    {
        Assert.Equal("train on y | validation on y | train on y2 | validation on y2", Results["chart traces"]);   // cost panel, accuracy panel
        Assert.Equal("120", Results["chart points"]);   // 4 curves × 30 epochs
        Assert.Equal("True", Results["chart html has the figure"]);
    }

    [Fact]
    public void The_SQLite_study_reopens_with_its_trials_and_best_value()
    {
        Assert.Equal("3", Results["reloaded complete trials"]);
        Assert.Equal(Results["study best"], Results["reloaded best"]);
        Assert.InRange(int.Parse(Results["reloaded best units"], CultureInfo.InvariantCulture), 4, 32);
        Assert.Equal("CourseKit.Core", Results["library"]);
    }
}
