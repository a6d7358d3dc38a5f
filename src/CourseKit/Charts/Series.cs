using System.Globalization;
using System.Numerics;

namespace CourseKit.Charts;

/// <summary>Turns the numbers learners have (float[], int[], double[], LINQ results) into chart data, checking them.</summary>
internal static class Series
{
    /// <summary>The values as doubles (NaN stays NaN; it is written as null). Throws naming <paramref name="argument"/> when null.</summary>
    public static double[] ToDoubles<T>(IEnumerable<T>? values, string argument) where T : INumberBase<T>
    {
        if (values is null) throw new ArgumentNullException(argument);
        if (values is IEnumerable<float> floats) return floats.Select(Widen).ToArray();
        return values.Select(double.CreateSaturating).ToArray();
    }

    /// <summary>
    /// The double that prints as the float does: 0.1f becomes 0.1, not 0.10000000149011612, so the JSON stays short and
    /// hover labels show the number the learner computed.
    /// </summary>
    public static double Widen(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    /// <summary><see cref="ToDoubles{T}"/>, requiring at least one value.</summary>
    public static double[] NonEmpty<T>(IEnumerable<T>? values, string argument) where T : INumberBase<T>
    {
        double[] result = ToDoubles(values, argument);
        if (result.Length == 0) throw new ArgumentException($"{argument}: expected at least one value, actual 0.", argument);
        return result;
    }

    /// <summary>Requires <paramref name="actual"/> to have <paramref name="expected"/> items.</summary>
    public static void SameLength(int expected, int actual, string argument, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{argument}: expected {expected} values ({what}), actual {actual}.", argument);
    }

    /// <summary>0, 1, …, n − 1.</summary>
    public static double[] Indices(int n) => Enumerable.Range(0, n).Select(i => (double)i).ToArray();

    /// <summary>Smallest and largest finite value; throws naming <paramref name="argument"/> when there is none.</summary>
    public static (double Min, double Max) FiniteRange(double[] values, string argument)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
            if (double.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (min > max)
            throw new ArgumentException($"{argument}: expected at least one finite value, actual none of {values.Length}.", argument);
        return (min, max);
    }

    /// <summary>A rectangular grid copied from jagged rows, each of the same length.</summary>
    public static double[][] Rectangular(IReadOnlyList<IReadOnlyList<double>> rows, string argument)
    {
        ArgumentNullException.ThrowIfNull(rows, argument);
        if (rows.Count == 0 || rows[0].Count == 0)
            throw new ArgumentException($"{argument}: expected at least one row and one column, actual {rows.Count} rows.", argument);
        var z = new double[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != rows[0].Count)
                throw new ArgumentException($"{argument}[{i}]: expected {rows[0].Count} values (as row 0), actual {rows[i].Count}.", argument);
            z[i] = rows[i].ToArray();
        }
        return z;
    }
}
