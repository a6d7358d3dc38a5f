using System.Globalization;

namespace CourseKit;

/// <summary>How feedback and tables print numbers: compact, invariant culture, NaN and ±∞ spelled out.</summary>
public static class Numbers
{
    /// <summary>A float as its shortest round-trip text (<c>0.84203</c> prints as <c>0.84203</c>): for expected vs actual.</summary>
    public static string Exact(double value) => Special(value) ?? Tidy(((float)value).ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Three significant digits (<c>0.000123</c>, <c>1.2e-07</c>): for errors.</summary>
    public static string Short(double value) => Special(value) ?? Tidy(value.ToString("G3", CultureInfo.InvariantCulture));

    /// <summary>Four significant digits: for tables (matrices, histories).</summary>
    public static string Compact(double value) => Special(value) ?? Tidy(value.ToString("G4", CultureInfo.InvariantCulture));

    private static string? Special(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "-∞" : null;

    // "1E-05" → "1e-05".
    private static string Tidy(string text) => text.Replace("E", "e", StringComparison.Ordinal);
}
