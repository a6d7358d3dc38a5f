using System.Text.RegularExpressions;
using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Tests.Support;
using CourseKit.Tests.Charts;
using Xunit.Abstractions;

namespace CourseKit.Interactive.Tests.Site;

/// <summary>
/// The real chapter 7 (softmax regression), executed through the engine and published with <c>coursekit site</c>, read in headless Chromium
/// from file:// the way an offline learner reads it: math typeset by the bundled KaTeX, charts drawn by the bundled
/// plotly.js, no console errors. Screenshots are kept in artifacts/screenshots/.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ChromiumSiteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private const string Chapter = "07-softmax-regression";

    [Fact]
    public void The_published_chapter_renders_its_math_and_charts_offline_in_headless_chromium()
    {
        HeadlessChromium.RequireInstalled();
        string site = Path.Combine(Repo.Root, "artifacts", "test-site");
        var run = CoursekitProcess.Run("site", Path.Combine(Repo.Root, "notebooks", "solutions", Chapter + ".ipynb"), "--execute", "--output", site);
        Assert.True(run.ExitCode == 0, $"coursekit site exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");
        Assert.Contains($"executed {Chapter}: 7 passed, 0 failed", run.Stdout);

        // The index, and its table of contents followed to the chapter.
        string index = Path.Combine(site, "index.html");
        var (indexDom, indexLog) = HeadlessChromium.Run(index, Timeout, "--dump-dom");
        Assert.Empty(HeadlessChromium.ConsoleErrors(indexLog));
        var link = Regex.Match(indexDom, "<a class=\"chapter\" href=\"([^\"]+)\">Chapter 7 — Softmax regression</a>");
        Assert.True(link.Success, $"no link to chapter 7 in the index's table of contents:\n{indexDom}");
        Assert.Contains("class=\"katex\"", indexDom); // the section "4 — The gradient: dZ = ŷ − y" has math
        string chapter = new Uri(new Uri(index), link.Groups[1].Value).LocalPath;
        Assert.True(File.Exists(chapter), $"{chapter}: the index links to a page that does not exist.");

        var (dom, log) = HeadlessChromium.Run(chapter, Timeout, "--dump-dom");
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
        AssertMathRendered(dom);
        int charts = Regex.Matches(dom, "class=\"coursekit-chart[^\"]*\"").Count;
        Assert.Equal(4, charts); // the learner's training step vs Dense + Sgd, decision regions ×2, learning curves
        Assert.True(Regex.Matches(dom, "<svg class=\"main-svg\"").Count >= charts, $"plotly drew fewer svgs than the {charts} charts; stderr:\n{log}");
        Assert.DoesNotContain("could not load plotly.js", Regex.Replace(dom, "<script\\b[\\s\\S]*?</script>", "")); // a chart's error text
        Assert.Contains("data-status=\"passed\"", dom);          // the check results, with their HTML
        Assert.Contains("<details class=\"solution\">", dom);     // exercises folded

        Screenshot(index, "site-index.png", "1200,900");
        Screenshot(chapter, "site-chapter.png", "1200,1800");
        Screenshot(chapter, "site-chapter-full.png", "1200,8200");
    }

    [Fact]
    public void A_chart_a_learner_builds_with_Plotly_NET_CSharp_draws_on_the_published_page_offline()
    {
        HeadlessChromium.RequireInstalled();
        const string test = nameof(A_chart_a_learner_builds_with_Plotly_NET_CSharp_draws_on_the_published_page_offline);
        string folder = Repo.NotebookFolder(test);
        var notebook = TestNotebook.Create(folder, "01-learner-chart", ["md:# Chapter 1 — A learner's chart", .. Charts.LearnerChartCells.Cells("../../notebook-lib/CourseKit.Core.dll")]);
        NotebookWriter.Write(notebook, notebook.Path!);
        string site = Path.Combine(Repo.Root, "artifacts", "test-site-learner-chart");
        var run = CoursekitProcess.Run("site", notebook.Path!, "--execute", "--output", site);
        Assert.True(run.ExitCode == 0, $"coursekit site exited {run.ExitCode}:\n{run.Stdout}\n{run.Stderr}");

        string page = Path.Combine(site, "01-learner-chart.html");
        var (dom, log) = HeadlessChromium.Run(page, Timeout, "--dump-dom");
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
        Assert.Equal(2, Regex.Matches(dom, "class=\"coursekit-chart[^\"]*\"").Count);      // the learner's line, CourseKit's histogram
        Assert.True(Regex.Matches(dom, "<svg class=\"main-svg\"").Count >= 2, $"plotly drew no svg; stderr:\n{log}");
        Assert.Matches(new Regex("class=\"js-line\"[^>]*d=\"M[0-9.,-]+L"), dom);            // the learner's line, drawn
        Assert.Contains(Charts.LearnerChartCells.LearnerTitle.Replace("'", "&#39;", StringComparison.Ordinal), dom.Replace("'", "&#39;", StringComparison.Ordinal));
        Assert.Contains("class=\"trace bars\"", dom);                                          // the histogram, drawn
        Screenshot(page, "site-learner-chart.png", "1000,1500");
    }

    // Every math element was typeset by KaTeX; no LaTeX delimiters are left in the text a reader sees.
    private static void AssertMathRendered(string dom)
    {
        var math = Regex.Matches(dom, "class=\"math( display)?( [a-z-]+)?\"").Select(m => m.Value).ToList();
        Assert.True(math.Count > 50, $"expected the chapter's formulas as math elements, found {math.Count}.");
        Assert.All(math, m => Assert.Contains("math-rendered", m));
        Assert.True(Regex.Matches(dom, "class=\"katex\"").Count >= math.Count, "fewer KaTeX renderings than math elements.");
        Assert.DoesNotContain("katex-error", dom);
        string visible = Regex.Replace(dom, "<(script|annotation|pre|code)\\b[\\s\\S]*?</\\1>", "");
        foreach (string raw in (string[])["$$", "\\(", "\\[", "\\frac"])
            Assert.False(visible.Contains(raw, StringComparison.Ordinal), $"raw LaTeX '{raw}' left in the page's text.");
    }

    private void Screenshot(string page, string name, string size)
    {
        string path = Path.Combine(Repo.Root, "artifacts", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var (_, log) = HeadlessChromium.Run(page, Timeout, $"--screenshot={path}", $"--window-size={size}", "--hide-scrollbars");
        Assert.True(File.Exists(path), $"no screenshot at {path}; stderr:\n{log}");
        byte[] png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"{name} is only {png.Length} bytes: a blank page?");
        Assert.Empty(HeadlessChromium.ConsoleErrors(log));
        output.WriteLine($"screenshot: {path} ({png.Length} bytes)");
    }
}
