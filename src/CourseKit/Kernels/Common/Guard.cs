using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CourseKit.Kernels;

/// <summary>
/// Argument checks shared by every kernel. Each message names the argument, the expected and the actual value,
/// so a learner reading the exception knows what to fix without opening the library source.
/// </summary>
internal static class Guard
{
    // shape: optional description for the message, e.g. "2 × 3" or "stored 3 × 2, transposed".
    public static void Length(int actual, int expected, string argument, string? shape = null)
    {
        if (actual != expected)
            throw new ArgumentException($"{argument}{Describe(shape)}: expected length {expected}, actual {actual}.", argument);
    }

    public static void DestinationLength(int actual, int expected, string argument, string? shape = null)
    {
        if (actual < expected)
            throw new ArgumentException($"{argument}{Describe(shape)}: destination too short: expected length ≥ {expected}, actual {actual}.", argument);
    }

    private static string Describe(string? shape) => shape is null ? "" : $" ({shape})";

    public static void Dimension(int value, string argument)
    {
        if (value < 0)
            throw new ArgumentOutOfRangeException(argument, value, $"{argument}: expected a dimension ≥ 0, actual {value}.");
    }

    public static void NonEmptyBatch(int rows, string argument)
    {
        if (rows <= 0)
            throw new ArgumentException($"{argument}: expected a batch of at least 1 example (rows ≥ 1), actual {rows} rows.", argument);
    }

    public static void Epsilon(float epsilon, string argument = "epsilon")
    {
        if (!(epsilon > 0f) || !float.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(argument, epsilon, $"{argument}: expected a finite value > 0, actual {epsilon}.");
    }

    public static void InRange(float value, float low, float high, string argument, bool lowInclusive = true, bool highInclusive = true)
    {
        bool ok = (lowInclusive ? value >= low : value > low) && (highInclusive ? value <= high : value < high);
        if (!ok)
            throw new ArgumentOutOfRangeException(argument, value,
                $"{argument}: expected a value in {(lowInclusive ? "[" : "(")}{low}, {high}{(highInclusive ? "]" : ")")}, actual {value}.");
    }

    /// <summary>Throws when <paramref name="input"/> and <paramref name="output"/> overlap without being the same span.</summary>
    /// <remarks>Exactly aliased buffers are fine for element-wise kernels (in-place); partial overlap would read values already overwritten.</remarks>
    public static void NoPartialOverlap(ReadOnlySpan<float> input, string inputName, ReadOnlySpan<float> output, string outputName)
    {
        if (input.Overlaps(output, out int offset) && !(offset == 0 && input.Length <= output.Length))
            throw new ArgumentException($"{outputName}: must not partially overlap {inputName} (in-place use requires the very same span); actual offset {offset} elements.", outputName);
    }

    /// <summary>Throws when <paramref name="input"/> and <paramref name="output"/> share any memory.</summary>
    public static void NoOverlap(ReadOnlySpan<float> input, string inputName, ReadOnlySpan<float> output, string outputName)
    {
        if (!input.IsEmpty && !output.IsEmpty && input.Overlaps(output))
            throw new ArgumentException($"{outputName}: must not overlap {inputName}; this kernel cannot run in place.", outputName);
    }

    /// <summary>Throws for the first non-finite element of <paramref name="values"/> (called on the error path, after a cheap fused check found one).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNonFinite(ReadOnlySpan<float> values, string argument, int rowLength = 0)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                string where = rowLength > 0 ? $"[{i / rowLength}, {i % rowLength}]" : $"[{i}]";
                throw new ArgumentException($"{argument}: expected finite values, actual {values[i]} at {argument}{where}.", argument);
            }
        }
        throw new ArgumentException($"{argument}: expected finite values; a non-finite intermediate result was produced (overflow).", argument);
    }

    /// <summary>Checks every element of <paramref name="values"/> is finite (one vectorized pass).</summary>
    public static void AllFinite(ReadOnlySpan<float> values, string argument, int rowLength = 0)
    {
        if (!Finite.All(values)) ThrowNonFinite(values, argument, rowLength);
    }
}
