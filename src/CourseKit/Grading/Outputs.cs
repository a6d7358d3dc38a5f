using System.Runtime.CompilerServices;
using CourseKit.Tensors;

namespace CourseKit.Grading;

/// <summary>
/// Tolerance-aware comparison of a learner's output with the reference's: scalars, float vectors, matrices and int
/// arrays, with the diagnostics of <see cref="Comparison"/> (type, shape, worst element, max abs/rel error).
/// </summary>
public static class Outputs
{
    /// <summary>Compares by the expected value's type: <see cref="Matrix"/>, <c>float[]</c>, <c>double[]</c>, <c>int[]</c>, float, double, int, bool; else <see cref="object.Equals(object?)"/>.</summary>
    public static Comparison Compare(object? expected, object? actual, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (actual is ForeignValue { Shape: { } size } foreign && expected is not null && foreign.TypeName == TypeNames.Of(expected))
            return Comparison.ShapeMismatch(SizeOf(expected), size);   // too large to have left the learner's process
        return expected switch
        {
            Matrix e => Matrices(e, actual, tolerance),
            float[] e => Vectors(Array.ConvertAll(e, v => (double)v), actual, tolerance, "float[]"),
            double[] e => Vectors(e, actual, tolerance, "double[]"),
            int[] e => Integers(e, actual),
            float or double => Scalars(Convert.ToDouble(expected, System.Globalization.CultureInfo.InvariantCulture), actual, tolerance, TypeNames.Of(expected)),
            int e => actual is int a ? (a == e ? Comparison.Match(tolerance) : Values([e], [a], -2, tolerance))
                                     : Comparison.TypeMismatch("int", TypeNames.Of(actual)),
            bool e => actual is bool a ? (a == e ? Comparison.Match(tolerance) : Comparison.ValueMismatch(Text(e), Text(a)))
                                       : Comparison.TypeMismatch("bool", TypeNames.Of(actual)),
            null => actual is null ? Comparison.Match(tolerance) : Comparison.TypeMismatch("null", TypeNames.Of(actual)),
            _ => Equals(expected, actual) ? Comparison.Match(tolerance)
                 : expected.GetType().IsInstanceOfType(actual) ? new Comparison { Kind = Mismatch.WrongValues, Tolerance = tolerance }
                 : Comparison.TypeMismatch(TypeNames.Of(expected), TypeNames.Of(actual)),
        };
    }

    /// <summary>Compares matrices: type, then shape (both shapes reported), then every element.</summary>
    public static Comparison Matrices(Matrix expected, object? actual, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is not Matrix a) return Comparison.TypeMismatch("Matrix", TypeNames.Of(actual));
        if (a.Shape != expected.Shape) return Comparison.ShapeMismatch(expected.Shape.ToString(), a.Shape.ToString());
        return Values(ToDouble(expected.AsSpan()), ToDouble(a.AsSpan()), expected.Cols, tolerance);
    }

    /// <summary>Compares a vector of expected values with a <c>float[]</c> or <c>double[]</c> output of the same length.</summary>
    public static Comparison Vectors(double[] expected, object? actual, Tolerance tolerance, string expectedType = "float[]")
    {
        ArgumentNullException.ThrowIfNull(expected);
        double[]? a = actual switch { float[] f => Array.ConvertAll(f, v => (double)v), double[] d => d, _ => null };
        if (a is null) return Comparison.TypeMismatch(expectedType, TypeNames.Of(actual));
        if (a.Length != expected.Length) return Comparison.ShapeMismatch($"length {expected.Length}", $"length {a.Length}");
        return Values(expected, a, -1, tolerance);
    }

    /// <summary>Compares int arrays exactly (labels, class indices).</summary>
    public static Comparison Integers(int[] expected, object? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is not int[] a) return Comparison.TypeMismatch("int[]", TypeNames.Of(actual));
        if (a.Length != expected.Length) return Comparison.ShapeMismatch($"length {expected.Length}", $"length {a.Length}");
        return Values(Array.ConvertAll(expected, v => (double)v), Array.ConvertAll(a, v => (double)v), -1, Tolerance.Exact);
    }

    /// <summary>Compares one number; a float or double output is accepted for either expected type.</summary>
    public static Comparison Scalars(double expected, object? actual, Tolerance tolerance, string expectedType = "float")
    {
        double? a = actual switch { float f => f, double d => d, _ => null };
        if (a is null) return Comparison.TypeMismatch(expectedType, TypeNames.Of(actual));
        return Values([expected], [a.Value], -2, tolerance);
    }

    /// <summary>
    /// Compares a value tuple of outputs, such as <c>(dz, dGamma, dBeta)</c>, item by item with <see cref="Compare"/>;
    /// the first item that differs is reported with its name from <paramref name="names"/> (<see cref="Comparison.Output"/>).
    /// </summary>
    public static Comparison Tuple(ITuple expected, object? actual, Tolerance tolerance, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(tolerance);
        ArgumentNullException.ThrowIfNull(names);
        // Item by item, so that one null or mistyped output is named ("dGamma: wrong type: expected Matrix, got null").
        if (actual is not ITuple a || !actual.GetType().IsValueType || a.Length != expected.Length)
            return Comparison.TypeMismatch(TypeNames.Of(expected), TypeNames.Of(actual));
        int count = 0;
        double maxAbs = 0, maxRel = 0;
        for (int k = 0; k < expected.Length; k++)
        {
            Comparison c = Compare(expected[k], a[k], tolerance);
            if (!c.Passed) return c with { Output = k < names.Count ? names[k] : $"output {k + 1}" };
            (count, maxAbs, maxRel) = (count + c.Count, Math.Max(maxAbs, c.MaxAbsError), Math.Max(maxRel, c.MaxRelError));
        }
        return Comparison.Match(tolerance) with { Count = count, MaxAbsError = maxAbs, MaxRelError = maxRel };
    }

    /// <summary>
    /// The element-wise core. <paramref name="cols"/> ≥ 0: a row-major matrix with that many columns; -1: a vector;
    /// -2: a scalar.
    /// </summary>
    public static Comparison Values(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, int cols, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (expected.Length != actual.Length)
            throw new ArgumentException($"actual: expected length {expected.Length}, actual {actual.Length}.", nameof(actual));
        int mismatches = 0, nonFinite = 0, worst = -1;
        double maxAbs = 0, maxRel = 0, worstAbs = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            bool finitePair = double.IsFinite(e) && double.IsFinite(a);
            double abs = finitePair ? Math.Abs(a - e) : double.PositiveInfinity;
            if (finitePair)
            {
                maxAbs = Math.Max(maxAbs, abs);
                if (e != 0) maxRel = Math.Max(maxRel, abs / Math.Abs(e));
            }
            if (tolerance.Accepts(e, a)) continue;
            mismatches++;
            bool badNumber = !double.IsFinite(a) && double.IsFinite(e);
            if (badNumber) nonFinite++;
            bool worse = worstAbs < 0 || (badNumber && nonFinite == 1) || (finitePair && abs > worstAbs && nonFinite == 0);
            if (worse) { worst = i; worstAbs = abs; }
        }
        if (mismatches == 0) return Comparison.Match(tolerance) with { Count = expected.Length, MaxAbsError = maxAbs, MaxRelError = maxRel };
        return new Comparison
        {
            Kind = Mismatch.WrongValues, Count = expected.Length, Mismatches = mismatches, NonFinite = nonFinite,
            Worst = cols == -2 ? new ElementIndex(0, 0, 0) : ElementIndex.FromFlat(worst, cols),
            Expected = expected[worst], Actual = actual[worst], MaxAbsError = maxAbs, MaxRelError = maxRel, Tolerance = tolerance,
        };
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static string SizeOf(object expected) => expected switch
    {
        Matrix m => m.Shape.ToString(),
        Array a => $"length {a.Length}",
        string s => $"length {s.Length}",
        _ => TypeNames.Of(expected),
    };

    private static double[] ToDouble(ReadOnlySpan<float> x)
    {
        var d = new double[x.Length];
        for (int i = 0; i < x.Length; i++) d[i] = x[i];
        return d;
    }
}
