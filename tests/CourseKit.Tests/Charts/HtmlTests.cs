using System.Text.RegularExpressions;
using CourseKit.Charts;
using CourseKit.Display;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Charts;

public sealed partial class HtmlTests
{
    private static readonly Figure Figure = Chart.Line(new[] { 1, 2, 3 }, new[] { 3, 1, 2 }).WithTitle("Cost");

    [GeneratedRegex("<div id=\"(coursekit-chart-[0-9]+-[0-9a-f]{8})\"")]
    private static partial Regex DivId();

    [Fact]
    public void Every_html_output_gets_a_unique_div_id_that_its_script_draws_into()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => Figure.ToHtml()).Select(h =>
        {
            var match = DivId().Match(h);
            Assert.True(match.Success, h);
            Assert.Contains($"var id = \"{match.Groups[1].Value}\"", h);
            return match.Groups[1].Value;
        }).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Notebook_html_loads_plotly_from_the_cdn_only_when_missing_and_through_require_js_when_present()
    {
        string html = Figure.ToHtml();
        Assert.Contains("if (window.Plotly) { draw(); return; }", html);
        Assert.Contains($"script.src = \"{PlotlyJs.CdnUrl}\"", html);
        Assert.Equal("https://cdn.plot.ly/plotly-2.35.2.min.js", PlotlyJs.CdnUrl);
        Assert.Contains("window.define.amd", html);
        Assert.Contains("plotly: \"https://cdn.plot.ly/plotly-2.35.2.min\"", html);
        Assert.Contains(Figure.ToJson(), html);
    }

    [Fact]
    public void The_pinned_npm_package_is_the_cdn_version()
    {
        string lockFile = File.ReadAllText(Path.Combine(RepoRoot.Path, "package-lock.json"));
        Assert.Contains($"\"version\": \"{PlotlyJs.Version}\"", lockFile);
        Assert.Contains("node_modules/plotly.js-dist-min", lockFile);
    }

    [Fact]
    public void A_standalone_page_inlines_plotly_js_and_needs_no_network()
    {
        string html = Figure.ToStandaloneHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("plotly.js v" + PlotlyJs.Version, html);
        Assert.DoesNotContain("cdn.plot.ly/plotly-", html);
        Assert.Contains("<title>Cost</title>", html);
    }

    [Fact]
    public void SaveHtml_writes_the_page_leaving_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = temp.File("cost.html");
        Figure.SaveHtml(path);
        Assert.Contains("Plotly.newPlot(", File.ReadAllText(path));
        Assert.Equal(["cost.html"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_plotly_js_names_the_npm_package_and_the_install_command()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Figure.ToStandaloneHtml(plotlyJsPath: "/nonexistent/plotly.min.js"));
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
    public void The_figure_renders_as_html_plotly_json_and_a_plain_summary_in_notebooks()
    {
        var attribute = (TypeFormatterSourceAttribute)Attribute.GetCustomAttribute(typeof(Figure), typeof(TypeFormatterSourceAttribute))!;
        var source = Activator.CreateInstance(attribute.FormatterSourceType)!;
        var formatters = ((IEnumerable<object>)source.GetType().GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<MimeFormatter<Figure>>().ToList();
        Assert.Equal([MimeTypes.Html, MimeTypes.Plotly, MimeTypes.PlainText], formatters.Select(f => f.MimeType));
        string Render(string mime) { var w = new StringWriter(); Assert.True(formatters.Single(f => f.MimeType == mime).Format(Figure, w)); return w.ToString(); }
        Assert.Contains(".newPlot(id, figure.data, figure.layout", Render(MimeTypes.Html));
        Assert.Equal(Figure.ToJson(), Render(MimeTypes.Plotly));
        Assert.Equal("Figure: scatter, 1 trace, \"Cost\"", Render(MimeTypes.PlainText));
        Assert.False(formatters[0].Format("not a figure", new StringWriter()));
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
