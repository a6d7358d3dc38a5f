using CourseKit.Interactive.Notebooks;
using CourseKit.Interactive.Site;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Site;

/// <summary>Small executed notebooks built in memory (outputs written by hand) and sites built from them into temp folders.</summary>
internal static class SiteFixture
{
    public const string ChartHtml = "<div id=\"c1\" class=\"coursekit-chart\"></div><script>if (window.Plotly) Plotly.newPlot(\"c1\", [], {});</script>";

    /// <summary>Chapter "01-first": title, two sections with math, a code cell with every kind of output, an exercise with a check.</summary>
    public static Notebook First(string folder)
    {
        var nb = Notebook.CreatePolyglot(Path.Combine(folder, "01-first.ipynb"));
        nb.AddMarkdownCell("# Chapter 1 — *First* steps\n\nIntro with $a_1 * b_2 = c_{*}$ and `code \\(x\\)`.");
        nb.AddMarkdownCell("## 1 — Softmax: $\\hat{y}$\n\n$$\nJ = \\frac{1}{m} \\sum_i \\mathcal{L}_i\n$$\n\nInline display $$x^2$$, and LaTeX style \\(y_1\\) and\n\\[ z_* = 1 \\]\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        var code = nb.AddCodeCell("var s = \"<b>&</b>\"; // a < b\nConsole.WriteLine(s);\ns");
        code.SetResult(1, [
            NotebookOutputs.Stream("stdout", "<b>&</b>\n"),
            NotebookOutputs.DisplayData([new("text/html", "<table class=\"mine\"><tr><td>42</td></tr></table>"), new("text/plain", "plain 42")]),
            NotebookOutputs.ExecuteResult([new("text/plain", "<b>&amp;</b>")], 1),
            NotebookOutputs.Error("InvalidOperationException", "bad <thing>", ["trace"]),
        ]);
        nb.AddMarkdownCell("## 2 — Exercise");
        var exercise = nb.AddCodeCell("// Exercise 1 — add one (≈ 1 line)\nint AddOne(int x)\n{\n    // BEGIN SOLUTION\n    return x + 1;\n    // END SOLUTION\n}\n// BEGIN HIDDEN\nvar secret = 7;\n// END HIDDEN");
        exercise.SetResult(2, []);
        var check = nb.AddCodeCell("Checks.AddOne.Run(AddOne)");
        check.SetResult(3, [NotebookOutputs.ExecuteResult([
            new("application/vnd.coursekit.check+json", "{\"name\":\"add one\",\"status\":\"passed\"}"),
            new("text/html", "<div class=\"coursekit-check\" data-status=\"passed\">✓ add one</div>"),
            new("text/plain", "✓ add one")], 3)]);
        return nb;
    }

    /// <summary>Chapter "02-second": a title, one section with the same name as chapter 1's, and a chart output.</summary>
    public static Notebook Second(string folder)
    {
        var nb = Notebook.CreatePolyglot(Path.Combine(folder, "02-second.ipynb"));
        nb.AddMarkdownCell("# Chapter 2 — Second\n\n## Summary\n\ntext\n\n## Summary");
        nb.AddCodeCell("Chart.Line(xs, ys)").SetResult(1, [NotebookOutputs.ExecuteResult([
            new("application/vnd.plotly.v1+json", "{\"data\":[],\"layout\":{}}"), new("text/html", ChartHtml), new("text/plain", "Figure")], 1)]);
        return nb;
    }

    /// <summary>Chapter "03-untitled": no <c>#</c> heading, markdown in a Polyglot code cell (<c>#!markdown</c>), never executed.</summary>
    public static Notebook Third(string folder)
    {
        var nb = Notebook.CreatePolyglot(Path.Combine(folder, "03-untitled.ipynb"));
        nb.AddCodeCell("#!markdown\n## Notes *here*");
        nb.AddCodeCell("1 + 1");
        return nb;
    }

    /// <summary>Builds the three chapters into a new temp folder and returns the site.</summary>
    public static SiteResult Build(string test)
    {
        string folder = Repo.TempFolder(test);
        return SiteBuilder.Build([First(folder), Second(folder), Third(folder)], Path.Combine(folder, "site"));
    }

    public static string Page(SiteResult site, string file) => File.ReadAllText(Path.Combine(site.Folder, file));
}
