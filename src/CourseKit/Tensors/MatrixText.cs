using System.Globalization;
using System.Text;

namespace CourseKit.Tensors;

/// <summary>
/// The text form of a matrix, as NumPy prints arrays: one bracketed row per line, columns aligned, one number format
/// for the whole matrix (integers, 4 decimals, or scientific when values are very large or small), and — above 1000
/// elements — only the first and last 3 rows and columns with "..." between. Rows that would be wider than
/// <see cref="LineWidth"/> characters show their first and last 3 columns too (NumPy wraps them instead).
/// </summary>
internal static class MatrixText
{
    private const int Threshold = 1000, Edge = 3, LineWidth = 120;

    public static string Format(Matrix m)
    {
        var sb = new StringBuilder("Matrix ").Append(m.Shape).Append('\n');
        if (m.Rows == 0 || m.Cols == 0) return sb.Append("[]").ToString();
        bool summarize = m.Length > Threshold;
        int[] rows = Shown(m.Rows, summarize), cols = Shown(m.Cols, summarize);
        string format = NumberFormat(rows.Where(i => i >= 0).SelectMany(i => cols.Where(j => j >= 0).Select(j => m[i, j])));
        string[][] cells = Cells(m, rows, cols, format);
        int width = cells.SelectMany(r => r).Max(c => c.Length);
        if (cols.Length > 2 * Edge + 1 && cols.Length * (width + 2) + 2 > LineWidth)
        {
            cols = Shown(m.Cols, summarize: true);
            cells = Cells(m, rows, cols, format);
            width = cells.SelectMany(r => r).Max(c => c.Length);
        }
        var lines = rows.Select((row, k) => row < 0 ? " ...,"
            : (k == 0 ? "[[" : " [") + string.Join(", ", cells[k].Select(c => c.PadLeft(width))) + (k == rows.Length - 1 ? "]]" : "],"));
        return sb.AppendJoin('\n', lines).ToString();
    }

    private static string[][] Cells(Matrix m, int[] rows, int[] cols, string format) =>
        rows.Select(i => i < 0 ? [] : cols.Select(j => j < 0 ? "..." : Number(m[i, j], format)).ToArray()).ToArray();

    /// <summary>The indices shown: all, or the first and last <see cref="Edge"/> with −1 marking the gap.</summary>
    private static int[] Shown(int count, bool summarize) => !summarize || count <= 2 * Edge ? Enumerable.Range(0, count).ToArray()
        : [.. Enumerable.Range(0, Edge), -1, .. Enumerable.Range(count - Edge, Edge)];

    private static string NumberFormat(IEnumerable<float> values)
    {
        var finite = values.Where(float.IsFinite).Select(v => Math.Abs((double)v)).ToList();
        if (finite.Count == 0) return "F4";
        double max = finite.Max(), minNonZero = finite.Where(v => v > 0).DefaultIfEmpty(1).Min();
        if (max < 1e7 && finite.All(v => v == Math.Floor(v))) return "F0";
        return max >= 1e5 || minNonZero < 1e-4 ? "0.0000e+00" : "F4";
    }

    private static string Number(float v, string format) => float.IsNaN(v) ? "nan"
        : float.IsPositiveInfinity(v) ? "inf" : float.IsNegativeInfinity(v) ? "-inf"
        : v.ToString(format, CultureInfo.InvariantCulture);
}
