namespace CourseKit.Grading;

/// <summary>
/// How close a learner's number must be to the reference's: <c>|a − e| ≤ Absolute + Relative·|e|</c> (NumPy's
/// <c>isclose</c> rule). ±∞ matches only the same infinity; a NaN expected value matches NaN only when
/// <see cref="NanMatchesNan"/> is set; a NaN or ±∞ actual value where a finite number is expected never matches.
/// </summary>
public sealed record Tolerance(double Absolute, double Relative, bool NanMatchesNan = false)
{
    /// <summary>Exact equality (for labels, one-hot and hardmax outputs).</summary>
    public static Tolerance Exact { get; } = new(0, 0);

    /// <summary>A relative tolerance with a small absolute floor (1e-7) so that expected zeros can match float rounding.</summary>
    public static Tolerance RelativeTo(double relative) => new(1e-7, relative);

    /// <summary>An absolute tolerance only.</summary>
    public static Tolerance AbsoluteOf(double absolute) => new(absolute, 0);

    /// <summary>Both parts: <c>|a − e| ≤ absolute + relative·|e|</c>.</summary>
    public static Tolerance Of(double absolute, double relative) => new(absolute, relative);

    /// <summary>The same tolerance where an expected NaN is matched by an actual NaN.</summary>
    public Tolerance WithNanMatchingNan() => this with { NanMatchesNan = true };

    /// <summary>Whether <paramref name="actual"/> is close enough to <paramref name="expected"/>.</summary>
    public bool Accepts(double expected, double actual)
    {
        if (double.IsNaN(expected)) return NanMatchesNan && double.IsNaN(actual);
        if (double.IsInfinity(expected)) return actual == expected;
        if (!double.IsFinite(actual)) return false;
        return Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (Absolute == 0 && Relative == 0) return "exact";
        return $"|actual − expected| ≤ {Numbers.Short(Absolute)} + {Numbers.Short(Relative)}·|expected|";
    }
}
