using System.Runtime.CompilerServices;

namespace CourseKit.Kernels;

public static partial class CpuKernels
{
    // BatchNorm-specific argument checks; the generic ones live in Common/Guard.cs.

    /// <summary>Checks rows/cols and that <paramref name="length"/> is rows × cols (computed in 64 bits so huge shapes report, not wrap).</summary>
    internal static void BatchNormMatrix(int length, int rows, int cols, string argument)
    {
        Guard.Dimension(rows, nameof(rows));
        Guard.Dimension(cols, nameof(cols));
        long expected = (long)rows * cols;
        if (length != expected)
            throw new ArgumentException($"{argument}: expected length rows × cols = {rows} × {cols} = {expected}, actual {length}.", argument);
    }

    internal static void BatchNormTrainingBatch(int rows)
    {
        Guard.NonEmptyBatch(rows, nameof(rows));
        if (rows == 1)
            throw new ArgumentException(
                "rows: expected a batch of at least 2 examples in training mode, actual 1. The variance of one example is 0, " +
                "so x̂ would be 0/√ε for every feature; use a batch of at least 2 or inference mode (running statistics).", nameof(rows));
    }

    /// <summary>Running statistics are either both absent (empty spans: not updated) or both of length <paramref name="cols"/>.</summary>
    private static bool BatchNormRunningStats(ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, int cols)
    {
        if (runningMean.IsEmpty && runningVar.IsEmpty) return false;
        if (runningMean.IsEmpty != runningVar.IsEmpty)
        {
            string missing = runningMean.IsEmpty ? nameof(runningMean) : nameof(runningVar);
            throw new ArgumentException(
                $"{missing}: expected length {cols} (runningMean and runningVar are updated together, or both left empty), actual 0.", missing);
        }
        Guard.Length(runningMean.Length, cols, nameof(runningMean));
        Guard.Length(runningVar.Length, cols, nameof(runningVar));
        return true;
    }

    /// <summary>Variances must be finite and ≥ 0; names the first feature that is not.</summary>
    internal static void BatchNormVariance(ReadOnlySpan<float> variance, string argument)
    {
        for (int j = 0; j < variance.Length; j++)
        {
            if (!(variance[j] >= 0f) || !float.IsFinite(variance[j]))
                throw new ArgumentOutOfRangeException(argument, variance[j],
                    $"{argument}: expected finite values ≥ 0, actual {variance[j]} at {argument}[{j}].");
        }
    }

    /// <summary>Per-feature outputs are written after the big pass, so they must not share memory with its outputs (nor with each other).</summary>
    private static void BatchNormOutputsApart(ReadOnlySpan<float> first, ReadOnlySpan<float> second, ReadOnlySpan<float> small, string smallName,
        [CallerArgumentExpression(nameof(first))] string firstName = "", [CallerArgumentExpression(nameof(second))] string secondName = "")
    {
        Guard.NoOverlap(first, firstName, small, smallName);
        Guard.NoOverlap(second, secondName, small, smallName);
    }
}
