using ILGPU;
using ILGPU.Algorithms;
using static CourseKit.Kernels.Ilgpu.IlgpuReductions;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>
/// Row kernels over logits: one group per row, its threads striding over the columns (neighbours read neighbouring
/// elements), group reductions for the max and the sums. Outputs may be the input itself: each thread writes only
/// elements it read itself, after the reductions' barriers.
/// </summary>
internal static class IlgpuRows
{
    public const int Softmax = 0, LogSoftmax = 1, Hardmax = 2;

    /// <summary>Softmax, log-softmax or hardmax of every row, as the span kernels compute them.</summary>
    public static void RowMap(ArrayView<float> z, ArrayView<float> d, int cols, int op)
    {
        long start = (long)Grid.IdxX * cols;
        int t = Group.IdxX, g = Group.DimX;
        float max = RowMaximum(z, start, cols);
        if (op == Hardmax)
        {
            int index = FirstIndexOf(z, start, cols, max);
            for (int j = t; j < cols; j += g) d[start + j] = j == index ? 1f : 0f;
            return;
        }
        float sum = 0f;
        for (int j = t; j < cols; j += g) sum += XMath.Exp(z[start + j] - max);
        sum = GroupSum(sum);
        if (op == Softmax)
        {
            float inverse = 1f / sum;
            for (int j = t; j < cols; j += g) d[start + j] = XMath.Exp(z[start + j] - max) * inverse;
        }
        else
        {
            float logSum = XMath.Log(sum);
            for (int j = t; j < cols; j += g) d[start + j] = (z[start + j] - max) - logSum;
        }
    }

    /// <summary>d[row] = the lowest index of the row's maximum.</summary>
    public static void ArgMax(ArrayView<float> z, ArrayView<int> d, int cols)
    {
        long start = (long)Grid.IdxX * cols;
        int index = FirstIndexOf(z, start, cols, RowMaximum(z, start, cols));
        if (Group.IdxX == 0) d[Grid.IdxX] = index;
    }

    /// <summary>d[row] = Σⱼ or maxⱼ z[row, j].</summary>
    public static void RowReduce(ArrayView<float> z, ArrayView<float> d, int cols, int max)
    {
        long start = (long)Grid.IdxX * cols;
        float value;
        if (max != 0) value = RowMaximum(z, start, cols);
        else
        {
            float sum = 0f;
            for (int j = Group.IdxX; j < cols; j += Group.DimX) sum += z[start + j];
            value = GroupSum(sum);
        }
        if (Group.IdxX == 0) d[Grid.IdxX] = value;
    }

    private static float RowMaximum(ArrayView<float> z, long start, int cols)
    {
        float max = float.NegativeInfinity;
        for (int j = Group.IdxX; j < cols; j += Group.DimX) max = XMath.Max(max, z[start + j]);
        return GroupMax(max);
    }

    private static int FirstIndexOf(ArrayView<float> z, long start, int cols, float max)
    {
        int first = int.MaxValue;
        for (int j = Group.IdxX; j < cols; j += Group.DimX)
        {
            if (z[start + j] == max)
            {
                first = j;  // a thread's columns ascend: its first hit is its lowest
                break;
            }
        }
        return GroupMin(first);
    }
}
