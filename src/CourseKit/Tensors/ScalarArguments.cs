using System.Globalization;

namespace CourseKit.Tensors;

/// <summary>
/// Checks a hyperparameter given in double (as the tuner hands them out) and converts it to the float the kernels
/// use, refusing values that are out of range before or after the conversion (0.999999999 rounds to 1f).
/// </summary>
internal static class ScalarArguments
{
    /// <summary>A finite value &gt; 0 (a learning rate, ε).</summary>
    public static float Positive(double value, string argument)
    {
        float f = (float)value;
        if (!(value > 0) || !double.IsFinite(value) || !(f > 0f) || !float.IsFinite(f))
            throw new ArgumentOutOfRangeException(argument, value, $"{argument}: expected a finite value > 0, actual {Show(value)}.");
        return f;
    }

    /// <summary>A finite value ≥ 0 (a decay, λ).</summary>
    public static float NonNegative(double value, string argument)
    {
        float f = (float)value;
        if (!(value >= 0) || !double.IsFinite(value) || !float.IsFinite(f))
            throw new ArgumentOutOfRangeException(argument, value, $"{argument}: expected a finite value ≥ 0, actual {Show(value)}.");
        return f;
    }

    /// <summary>A value in [0, 1) — also after rounding to float (an averaging coefficient β).</summary>
    public static float UnitInterval(double value, string argument)
    {
        float f = (float)value;
        if (!(value >= 0 && value < 1) || !(f < 1f))
            throw new ArgumentOutOfRangeException(argument, value,
                $"{argument}: expected a value in [0, 1){(value < 1 && f >= 1f ? " that stays below 1 in float" : "")}, actual {Show(value)}.");
        return f;
    }

    /// <summary>A value in (0, 1] (a keep probability).</summary>
    public static float Probability(double value, string argument)
    {
        float f = (float)value;
        if (!(value > 0 && value <= 1) || !(f > 0f))
            throw new ArgumentOutOfRangeException(argument, value, $"{argument}: expected a value in (0, 1], actual {Show(value)}.");
        return f;
    }

    /// <summary>The value as written: 0.1f (widened to double) prints as 0.1, not 0.10000000149011612.</summary>
    public static string Show(double value) => (double)(float)value == value
        ? ((float)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
