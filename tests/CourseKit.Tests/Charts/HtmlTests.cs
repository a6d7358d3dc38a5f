using System.Text.RegularExpressions;
using CourseKit.Charts;
using CourseKit.Display;
using CourseKit.Tests.Support;
using Plotly.NET;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace CourseKit.Tests.Charts;

public sealed partial class HtmlTests
{
    private static readonly GenericChart Chart = PlotlyChart.Line<int, int, string>([1, 2, 3], [3, 1, 2], Name: "cost").WithTitle("Cost");

    [GeneratedRegex("<div id=\"(coursekit-chart-[0-9]+-[0-9a-f]{8})\"")]
    private static partial Regex DivId();

    [Fact]
    public void Every_html_output_gets_a_unique_div_id_that_its_script_draws_into()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => Chart.ToNotebookHtml()).Select(h =>
        {
            var match = DivId().Match(h);
            Assert.True(match.Success, h);
            Assert.Contains($"var id = \"{match.Groups[1].Value}\"", h);
            return match.Groups[1].Value;
        }).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Notebook_html_holds_the_figure_and_loads_plotly_from_the_cdn_only_when_missing()
    {
        string html = Chart.ToNotebookHtml();
        Assert.Contains("if (window.Plotly) { draw(); return; }", html);
        Assert.Contains($"script.src = \"{PlotlyJs.CdnUrl}\"", html);
        Assert.Equal("https://cdn.plot.ly/plotly-2.35.2.min.js", PlotlyJs.CdnUrl);
        Assert.Contains("plotly: \"https://cdn.plot.ly/plotly-2.35.2.min\"", html);
        Assert.Contains("\"name\":\"cost\"", html);
        Assert.Contains("\"config\":{\"responsive\":true}", html);
        Assert.Contains("style=\"width:600px;height:600px;\"", html); // Plotly.NET's default size
    }

    [Fact]
    public void A_name_with_a_closing_script_tag_cannot_end_the_script()
    {
        var chart = PlotlyChart.Line<int, int, string>([1], [1], Name: "</script><b>x</b>");
        string html = chart.ToNotebookHtml();
        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.Contains("\"\\u003C/script\\u003E\\u003Cb\\u003Ex\\u003C/b\\u003E\"", html);
    }

    [Fact]
    public void The_pinned_npm_package_is_the_cdn_version()
    {
        string lockFile = File.ReadAllText(Path.Combine(RepoRoot.Path, "package-lock.json"));
        Assert.Contains($"\"version\": \"{PlotlyJs.Version}\"", lockFile);
        Assert.Contains("node_modules/plotly.js-dist-min", lockFile);
    }

    [Fact]
    public void An_offline_page_inlines_plotly_js_and_needs_no_network()
    {
        string html = Chart.ToOfflineHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("plotly.js v" + PlotlyJs.Version, html);
        Assert.DoesNotContain("cdn.plot.ly/plotly-", html);
        Assert.Contains("<title>Cost</title>", html);
    }

    [Fact]
    public void SaveOfflineHtml_writes_the_page_leaving_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = temp.File("cost.html");
        Chart.SaveOfflineHtml(path);
        Assert.Contains("Plotly.newPlot(", File.ReadAllText(path));
        Assert.Equal(["cost.html"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_plotly_js_names_the_npm_package_and_the_install_command()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Chart.ToOfflineHtml(plotlyJsPath: "/nonexistent/plotly.min.js"));
        Assert.Contains("plotly.js-dist-min", ex.Message);
        Assert.Contains("scripts/install-web-deps.sh", ex.Message);
        Assert.Contains("COURSEKIT_PLOTLY_JS", ex.Message);
    }

    [Fact]
    public void Plotly_js_is_found_by_walking_up_to_node_modules()
    {
        string path = PlotlyJs.Locate();
        Assert.EndsWith(Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js"), path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_environment_variable_names_plotly_js_before_node_modules_is_searched()
    {
        using var temp = new TempFolder();
        string copy = temp.File("plotly.min.js");
        File.Copy(PlotlyJs.Locate(), copy);
        string? saved = Environment.GetEnvironmentVariable(PlotlyJs.EnvironmentVariable);
        try
        {
            // Another valid file, so tests running meanwhile still find a plotly.js.
            Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, copy);
            Assert.Equal(copy, PlotlyJs.Locate());
        }
        finally { Environment.SetEnvironmentVariable(PlotlyJs.EnvironmentVariable, saved); }
    }

    [Fact]
    public void A_Plotly_NET_chart_renders_as_html_plotly_json_and_a_plain_summary_through_the_assembly_s_formatter_declaration()
    {
        var declaration = typeof(ChartFormatterSource).Assembly.GetCustomAttributes(typeof(TypeFormatterSourceAttribute), false)
            .Cast<TypeFormatterSourceAttribute>().Single(a => a.FormattedType == typeof(GenericChart));
        var source = Activator.CreateInstance(declaration.FormatterSourceType)!;
        var formatters = ((IEnumerable<object>)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<MimeFormatter<GenericChart>>().ToList();
        Assert.Equal([MimeTypes.Html, MimeTypes.Plotly, MimeTypes.PlainText], formatters.Select(f => f.MimeType));
        string Render(GenericChart chart, string mime) { var w = new StringWriter(); Assert.True(formatters.Single(f => f.MimeType == mime).Format(chart, w)); return w.ToString(); }
        Assert.Contains(".newPlot(id, figure.data, figure.layout, figure.config)", Render(Chart, MimeTypes.Html));
        Assert.Equal(GenericChart.toFigureJson(Chart), Render(Chart, MimeTypes.Plotly));
        Assert.Equal("Chart: scatter, 1 trace, \"Cost\"", Render(Chart, MimeTypes.PlainText));
        var grid = Plots.Grid(1, 2, Chart, Plots.Histogram(new[] { 1.0, 2 }));
        Assert.Equal("Chart: scatter+histogram, 2 traces, 1×2 grid", Render(grid, MimeTypes.PlainText));
        Assert.False(formatters[0].Format("not a chart", new StringWriter()));
    }
}

/// <summary>The repository root: the folder above the test assembly that holds CourseKit.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CourseKit.sln not found above {AppContext.BaseDirectory}.");
    }
}
