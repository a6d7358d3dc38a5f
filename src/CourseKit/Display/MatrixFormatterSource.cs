using System.Text;
using CourseKit.Tensors;

namespace CourseKit.Display;

/// <summary>
/// Formatters for <see cref="Matrix"/>: an HTML table and aligned text. Large matrices show their first and last
/// <see cref="Edge"/> rows and columns with "⋮" and "…" between, and the shape always.
/// </summary>
public sealed class MatrixFormatterSource
{
    /// <summary>Rows (and columns) shown at each end of a large matrix; up to 2·Edge + 2 are shown whole.</summary>
    public const int Edge = 5;

    /// <summary>HTML and plain text.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new MimeFormatter<Matrix>(MimeTypes.Html, (m, w) => w.Write(ToHtml(m))),
        new MimeFormatter<Matrix>(MimeTypes.PlainText, (m, w) => w.Write(ToText(m))),
    ];

    /// <summary>An HTML table with row and column indices and a caption <c>Matrix (m × n)</c>.</summary>
    public static string ToHtml(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        IReadOnlyList<int> rows = Html.Shown(matrix.Rows, Edge), cols = Html.Shown(matrix.Cols, Edge);
        var sb = new StringBuilder();
        sb.Append("<table class=\"coursekit-matrix\" style=\"").Append(Html.TableStyle).Append("\">");
        sb.Append("<caption style=\"caption-side:top;text-align:left;color:#57606a\">Matrix ").Append(Html.Escape(matrix.Shape.ToString())).Append("</caption>");
        if (matrix.Rows > 0 && matrix.Cols > 0)
        {
            Html.Row(sb, ["", .. cols.Select(j => j < 0 ? "…" : j.ToString(System.Globalization.CultureInfo.InvariantCulture))], header: true);
            foreach (int i in rows)
                Html.Row(sb, [i < 0 ? "⋮" : i.ToString(System.Globalization.CultureInfo.InvariantCulture), .. cols.Select(j => Cell(matrix, i, j))]);
        }
        return sb.Append("</table>").ToString();
    }

    /// <summary>Aligned text: a <c>Matrix (m × n)</c> line, then one line per shown row.</summary>
    public static string ToText(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        IReadOnlyList<int> rows = Html.Shown(matrix.Rows, Edge), cols = Html.Shown(matrix.Cols, Edge);
        string[][] cells = rows.Select(i => cols.Select(j => Cell(matrix, i, j)).ToArray()).ToArray();
        int[] widths = Enumerable.Range(0, cols.Count).Select(k => cells.Select(r => r[k].Length).DefaultIfEmpty(0).Max()).ToArray();
        var sb = new StringBuilder("Matrix ").Append(matrix.Shape);
        foreach (string[] row in cells)
            sb.Append('\n').Append(string.Join("  ", row.Select((c, k) => c.PadLeft(widths[k]))));
        return sb.ToString();
    }

    private static string Cell(Matrix m, int i, int j) => i < 0 ? (j < 0 ? "⋱" : "⋮") : j < 0 ? "…" : Numbers.Compact(m[i, j]);
}
