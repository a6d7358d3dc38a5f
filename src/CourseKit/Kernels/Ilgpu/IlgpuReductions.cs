using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>
/// Sums to one number in fixed stages (x → a few thousand double partials → a few dozen → 1): each thread adds a
/// strided slice, so neighbouring threads read neighbouring elements, and the order never depends on timing.
/// </summary>
internal static class IlgpuReductions
{
    /// <summary>partial[t] = Σ x[i]² (in double) over i = t, t + stride, … &lt; x.Length.</summary>
    public static void SquaresStrided(Index1D t, ArrayView<float> x, ArrayView<double> partial, int stride)
    {
        double sum = 0;
        for (long i = t; i < x.Length; i += stride)
        {
            double v = x[i];
            sum += v * v;
        }
        partial[t] = sum;
    }

    /// <summary>partial[t] = Σ x[i] (in double) over i = t, t + stride, … &lt; x.Length.</summary>
    public static void SumStrided(Index1D t, ArrayView<float> x, ArrayView<double> partial, int stride)
    {
        double sum = 0;
        for (long i = t; i < x.Length; i += stride) sum += x[i];
        partial[t] = sum;
    }

    /// <summary>destination[t] = Σ source[i] over i = t, t + stride, … &lt; count.</summary>
    public static void FoldStrided(Index1D t, ArrayView<double> source, ArrayView<double> destination, int count, int stride)
    {
        double sum = 0;
        for (int i = t; i < count; i += stride) sum += source[i];
        destination[t] = sum;
    }

    /// <summary>The sum of <paramref name="value"/> over the group (a power of two ≤ 1024 threads), returned to every thread.</summary>
    public static float GroupSum(float value)
    {
        var shared = SharedMemory.Allocate<float>(1024);
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int s = Group.DimX / 2; s > 0; s >>= 1)
        {
            if (t < s) shared[t] += shared[t + s];
            Group.Barrier();
        }
        float result = shared[0];
        Group.Barrier();  // everyone has read it before the memory is reused
        return result;
    }

    /// <summary>The maximum of <paramref name="value"/> over the group, returned to every thread.</summary>
    public static float GroupMax(float value)
    {
        var shared = SharedMemory.Allocate<float>(1024);
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int s = Group.DimX / 2; s > 0; s >>= 1)
        {
            if (t < s) shared[t] = XMath.Max(shared[t], shared[t + s]);
            Group.Barrier();
        }
        float result = shared[0];
        Group.Barrier();
        return result;
    }

    /// <summary>The minimum of <paramref name="value"/> over the group, returned to every thread.</summary>
    public static int GroupMin(int value)
    {
        var shared = SharedMemory.Allocate<int>(1024);
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int s = Group.DimX / 2; s > 0; s >>= 1)
        {
            if (t < s) shared[t] = XMath.Min(shared[t], shared[t + s]);
            Group.Barrier();
        }
        int result = shared[0];
        Group.Barrier();
        return result;
    }
}
