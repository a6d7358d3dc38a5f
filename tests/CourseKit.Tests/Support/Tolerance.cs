namespace CourseKit.Tests.Support;

/// <summary>Magnitude-scaled comparisons of float32 kernels against double references.</summary>
internal static class Tolerance
{
    /// <summary>Asserts |actual − expected| ≤ abs + rel·|expected| for every element, naming the first index that fails.</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rel, double abs = 0, string what = "value")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}[{i}]: expected NaN, actual {a}"); continue; }
            double err = Math.Abs(a - e), bound = abs + rel * Math.Abs(e);
            Assert.True(err <= bound, $"{what}[{i}]: expected {e:R}, actual {a:R}, |error| {err:E3} > bound {bound:E3} (rel {rel:E1}, abs {abs:E1})");
        }
    }

    /// <summary>Same as <see cref="Close(ReadOnlySpan{double}, ReadOnlySpan{float}, double, double, string)"/> for float expectations.</summary>
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double rel, double abs = 0, string what = "value")
    {
        var e = new double[expected.Length];
        for (int i = 0; i < e.Length; i++) e[i] = expected[i];
        Close(e, actual, rel, abs, what);
    }

    /// <summary>
    /// Asserts every element of <paramref name="actual"/> has <paramref name="expected"/>'s bits (float.Equals: a
    /// NaN equals a NaN), naming the first that differs by row and column of a matrix <paramref name="cols"/> wide.
    /// </summary>
    public static void SameBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int cols, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i].Equals(actual[i]),
                $"{what}: element {i} (row {i / cols}, column {i % cols}): expected {expected[i]:R}, actual {actual[i]:R}");
    }

    /// <summary>The course's gradient-check metric ‖a − b‖₂ / (‖a‖₂ + ‖b‖₂), 0 when both are zero — the library's own.</summary>
    public static double RelativeDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        CourseKit.Nn.GradientCheck.RelativeDifference(a, b);
}
