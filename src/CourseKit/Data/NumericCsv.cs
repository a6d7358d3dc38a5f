using System.Globalization;

namespace CourseKit.Data;

/// <summary>Parses comma-separated numeric rows; every error names the file and the 1-based line.</summary>
internal static class NumericCsv
{
    /// <summary>Reads rows of <paramref name="features"/> numbers followed by an integer label in [0, classes).</summary>
    /// <param name="reader">Text positioned at the first data row.</param>
    /// <param name="file">File name for messages.</param>
    /// <param name="firstLine">1-based line number of the first data row.</param>
    /// <param name="features">Number of feature columns n (the label is column n + 1).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="values">Receives the features, row-major.</param>
    /// <param name="labels">Receives the labels.</param>
    public static void ReadRows(TextReader reader, string file, int firstLine, int features, int classes,
        List<float> values, List<int> labels)
    {
        int lineNumber = firstLine - 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0) continue; // a trailing newline; blank lines carry no data
            string[] fields = line.Split(',');
            if (fields.Length != features + 1)
                throw Error(file, lineNumber, $"expected {features + 1} comma-separated values ({features} features and a label), actual {fields.Length}");
            for (int j = 0; j < features; j++)
            {
                if (!float.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out float v) || !float.IsFinite(v))
                    throw Error(file, lineNumber, $"column {j + 1}: expected a finite number, actual '{fields[j]}'");
                values.Add(v);
            }
            labels.Add(ParseLabel(fields[features], file, lineNumber, features + 1, classes));
        }
    }

    /// <summary>An integer label in [0, classes); accepts "3" and "3.0".</summary>
    public static int ParseLabel(string field, string file, int lineNumber, int column, int classes)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d != Math.Floor(d) || d < 0 || d >= classes)
            throw Error(file, lineNumber, $"column {column} (label): expected an integer class in [0, {classes}), actual '{field}'");
        return (int)d;
    }

    public static InvalidDataException Error(string file, int lineNumber, string what) => new($"{file}, line {lineNumber}: {what}.");
}
