using CourseKit.Charts;

namespace CourseKit.Display;

/// <summary>
/// Notebook formatters for <see cref="Figure"/>: <c>text/html</c> (a div drawn by plotly.js from its CDN),
/// <c>application/vnd.plotly.v1+json</c> (the figure itself, which JupyterLab's plotly renderer draws) and
/// <c>text/plain</c> (a one-line summary).
/// </summary>
public sealed class ChartFormatterSource
{
    /// <summary>The formatters, HTML first.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<Figure>(MimeTypes.Html, (figure, writer) => writer.Write(figure.ToHtml())),
        new MimeFormatter<Figure>(MimeTypes.Plotly, (figure, writer) => writer.Write(figure.ToJson())),
        new MimeFormatter<Figure>(MimeTypes.PlainText, (figure, writer) => writer.Write(figure.ToString())),
    ];
}
