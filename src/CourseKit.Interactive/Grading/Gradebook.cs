using System.Globalization;
using System.Text;

namespace CourseKit.Interactive.Grading;

/// <summary>
/// The class's grades as CSV (RFC 4180): student, points per exercise, total, max, status and notes. Fields with a
/// comma, quote or line break are quoted with quotes doubled; text starting with = + - @ gets a leading apostrophe so a
/// spreadsheet does not run it as a formula.
/// </summary>
public static class Gradebook
{
    /// <summary>The CSV text, one row per submission in the given order.</summary>
    public static string ToCsv(IReadOnlyList<AssignmentExercise> exercises, IEnumerable<SubmissionGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(grades);
        var csv = new StringBuilder();
        Row(csv, ["student", .. exercises.Select(e => $"exercise {e.Number}"), "total", "max", "status", "notes"]);
        foreach (var g in grades)
        {
            Row(csv, [Text(g.Student), .. exercises.Select(e => Number(g.ExercisePoints(e.Number))), Number(g.Score), Number(g.MaxScore),
                Text(g.StatusText), Text(string.Join(" | ", g.Notes.Select(n => n.Text)))]);
        }
        return csv.ToString();
    }

    /// <summary>One CSV field, quoted when needed.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(",", fields.Select(Escape))).Append("\r\n");

    private static string Text(string value) => value.Length > 0 && "=+-@\t".Contains(value[0]) ? "'" + value : value;

    private static string Number(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
