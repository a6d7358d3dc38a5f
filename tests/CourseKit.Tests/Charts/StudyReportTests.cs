using System.Text.RegularExpressions;
using CourseKit.Display;
using CourseKit.Tests.Support;
using CourseKit.Tuning;

namespace CourseKit.Tests.Charts;

/// <summary>A study's offline report page, drawn by the real plotly.js in headless Chromium.</summary>
[Trait("Category", "Slow")]
public sealed class StudyReportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // 40 trials (more than the notebook table's 2·15 + 2), two parameters, five reported steps each, a few pruned.
    private static Study TunedStudy()
    {
        var study = Study.Create("report", Direction.Minimize, new RandomSampler(), new MedianPruner(startupTrials: 5, warmupSteps: 1), seed: 4);
        study.Optimize(t =>
        {
            double lr = t.Float("lr", 1e-4, 1, Scale.Log);
            int units = t.Int("units", 8, 64, step: 8);
            double cost = 0;
            for (int step = 0; step < 5; step++)
            {
                cost = Math.Abs(Math.Log10(lr) + 2) + 8.0 / units + 1.0 / (step + 1);
                t.Report(step, cost);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return cost;
        }, 40);
        return study;
    }

    [Fact]
    public void The_page_shows_every_trial_and_draws_four_charts_in_headless_chromium_without_console_errors()
    {
        HeadlessChromium.RequireInstalled();
        using var temp = new TempFolder();
        var study = TunedStudy();
        string page = study.SaveReport(temp.File("report"));

        string html = File.ReadAllText(page);
        Assert.Equal(40 + 1, Regex.Matches(html, "<tr>").Count);   // every trial, no "⋮" gap as in a notebook's table
        Assert.DoesNotContain("class=\"coursekit-report-missing\"", html);
        var (dom, log) = HeadlessChromium.Run(page, Timeout, "--dump-dom");
        Assert.Equal(4, Regex.Matches(dom, "class=\"[^\"]*js-plotly-plot").Count);
        Assert.Contains("class=\"parcoords\"", dom);                 // parallel coordinates
        Assert.Matches(new Regex("class=\"js-line\"[^>]*d=\"M[0-9.,-]+L"), dom); // the history's and the curves' lines
        Assert.Contains($"trial {study.Trials.First(t => t.State == TrialState.Pruned).Number} (pruned)", dom);
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
    }

    [Fact]
    public void A_study_too_small_for_a_chart_says_why_in_its_place_and_draws_the_others()
    {
        var study = Study.Create("small", Direction.Maximize, new RandomSampler(), seed: 1);
        study.Optimize(t => t.Float("x", 0, 1), 2);

        string html = study.ToReportHtml();

        Assert.Contains("Parameter importance needs at least 4 complete trials and one non-fixed parameter; study &#39;small&#39; has 2 and 1.", html);
        Assert.Contains("Study &#39;small&#39; has no trials to draw learning curves from yet.", html);
        Assert.Equal(2, Regex.Matches(html, "<div id=\"coursekit-chart-").Count);   // history and parallel coordinates
    }

    [Fact]
    public void Saving_into_a_missing_directory_creates_it_and_a_blank_directory_is_refused()
    {
        using var temp = new TempFolder();
        var study = Study.Create("tiny", seed: 1);
        string path = study.SaveReport(Path.Combine(temp.File("a"), "b"));
        Assert.Equal(Path.Combine(temp.File("a"), "b", StudyReport.FileName), path);
        Assert.Contains("has no trials to draw an optimization history from yet", File.ReadAllText(path));
        Assert.Equal("directory", Assert.ThrowsAny<ArgumentException>(() => study.SaveReport(" ")).ParamName);
    }
}
