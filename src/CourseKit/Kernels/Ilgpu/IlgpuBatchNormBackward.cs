using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>
/// BatchNorm's fused backward pass in the CPU kernel's arithmetic: Σdy and Σdy·(b − shift) per feature (32-row float
/// chunks folded in double; b is x̂, or x with shift = μ), then dx = dy·p + (b − shift)·r + q.
/// Scratch coef holds n floats each of [shift | p | q | r | dγ | dβ].
/// </summary>
internal static class IlgpuBatchNormBackward
{
    /// <summary>partial[c·n + j] = Σ dy, partial[(C + c)·n + j] = Σ dy·(b − shift) over chunk c.</summary>
    public static void ChunkSums(Index2D index, ArrayView<float> dy, ArrayView<float> b, ArrayView<float> coef,
        ArrayView<float> partial, int rows, int cols)
    {
        int j = index.X, c = index.Y, chunks = IlgpuColumns.Chunks(rows);
        int r1 = XMath.Min(rows, (c + 1) * IlgpuColumns.ChunkRows);
        float shift = coef[j], a = 0f, ab = 0f;
        for (int r = c * IlgpuColumns.ChunkRows; r < r1; r++)
        {
            long k = (long)r * cols + j;
            a += dy[k];
            ab += dy[k] * (b[k] - shift);
        }
        partial[(long)c * cols + j] = a;
        partial[(long)(chunks + c) * cols + j] = ab;
    }

    /// <summary>dβ, dγ and dx's coefficients per feature: p = γ·invStd, q = −k·dβ, r = −k·dγ(·invStd from x), k = γ·invStd/m.</summary>
    public static void Coefficients(Index1D j, ArrayView<float> partial, ArrayView<float> gamma, ArrayView<float> invStd,
        ArrayView<float> coef, int rows, int cols, int fromX)
    {
        int chunks = IlgpuColumns.Chunks(rows);
        double sumDy = 0, sumDyB = 0;
        for (int c = 0; c < chunks; c++)
        {
            sumDy += partial[(long)c * cols + j];
            sumDyB += partial[(long)(chunks + c) * cols + j];
        }
        double s = invStd[j];
        double dGamma = fromX != 0 ? sumDyB * s : sumDyB;
        double k = gamma[j] * s / rows;
        coef[cols + j] = (float)(gamma[j] * s);
        coef[2L * cols + j] = (float)(-k * sumDy);
        coef[3L * cols + j] = (float)(fromX != 0 ? -k * dGamma * s : -k * dGamma);
        coef[4L * cols + j] = (float)dGamma;
        coef[5L * cols + j] = (float)sumDy;
    }

    /// <summary>dx = dy·p + (b − shift)·r + q.</summary>
    public static void Apply(Index2D index, ArrayView<float> dy, ArrayView<float> b, ArrayView<float> coef, ArrayView<float> dx, int cols)
    {
        int j = index.X;
        long k = (long)index.Y * cols + j;
        float t = (b[k] - coef[j]) * coef[3L * cols + j] + coef[2L * cols + j];
        dx[k] = dy[k] * coef[cols + j] + t;
    }

    /// <summary>dγ and dβ, copied from scratch once dx is done.</summary>
    public static void Publish(Index1D j, ArrayView<float> coef, ArrayView<float> dGamma, ArrayView<float> dBeta, int cols)
    {
        dGamma[j] = coef[4L * cols + j];
        dBeta[j] = coef[5L * cols + j];
    }
}
