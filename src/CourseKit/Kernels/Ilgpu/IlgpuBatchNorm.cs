using ILGPU;
using ILGPU.Algorithms;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>Per-feature coefficients of a BatchNorm pass, laid out in scratch as consecutive blocks of n floats.</summary>
internal readonly record struct BatchNormLayout(int Cols)
{
    public long Shift => 0;
    public long Scale => Cols;
    public long Offset => 2L * Cols;
    public long Inv => 3L * Cols;
    public long HatOffset => 4L * Cols;
    public long Mean => 5L * Cols;
    public long RunningMean => 6L * Cols;
    public long RunningVar => 7L * Cols;
    public long Length => 8L * Cols;
}

/// <summary>The BatchNorm hyperparameters a kernel needs.</summary>
internal readonly record struct BatchNormArgs(int Rows, int Cols, float Epsilon, float Momentum, int Running);

/// <summary>
/// BatchNorm training and inference forward passes, in the CPU kernels' arithmetic: statistics summed around a shift
/// K (the mean of the first 32 examples) in 32-row float chunks folded into double, then y = (x − K)·scale + offset.
/// Per-feature outputs are written last, from scratch, as on the CPU.
/// </summary>
internal static class IlgpuBatchNorm
{
    /// <summary>coef.Shift[j] = K = mean of x[0..min(m, 32), j], summed in row order as on the CPU.</summary>
    public static void Shift(Index1D j, ArrayView<float> x, ArrayView<float> coef, int rows, int cols)
    {
        int head = XMath.Min(rows, IlgpuColumns.ChunkRows);
        float sum = x[j];
        for (int r = 1; r < head; r++) sum += x[(long)r * cols + j];
        coef[j] = sum * (1f / head);
    }

    /// <summary>partial[c·n + j] = Σ (x − K), partial[(C + c)·n + j] = Σ (x − K)² over chunk c.</summary>
    public static void ChunkMoments(Index2D index, ArrayView<float> x, ArrayView<float> coef, ArrayView<float> partial, int rows, int cols)
    {
        int j = index.X, c = index.Y, chunks = IlgpuColumns.Chunks(rows);
        int r1 = XMath.Min(rows, (c + 1) * IlgpuColumns.ChunkRows);
        float k = coef[j], a = 0f, b = 0f;
        for (int r = c * IlgpuColumns.ChunkRows; r < r1; r++)
        {
            float u = x[(long)r * cols + j] - k;
            a += u;
            b += u * u;
        }
        partial[(long)c * cols + j] = a;
        partial[(long)(chunks + c) * cols + j] = b;
    }

    /// <summary>μ, σ² (biased), 1/√(σ² + ε), y's scale and offset, x̂'s offset and the new running statistics of feature j.</summary>
    public static void Statistics(Index1D j, ArrayView<float> partial, ArrayView<float> gamma, ArrayView<float> beta,
        ArrayView<float> runningMean, ArrayView<float> runningVar, ArrayView<float> coef, BatchNormArgs args)
    {
        var at = new BatchNormLayout(args.Cols);
        int chunks = IlgpuColumns.Chunks(args.Rows);
        double s1 = 0, s2 = 0;
        for (int c = 0; c < chunks; c++)
        {
            s1 += partial[(long)c * args.Cols + j];
            s2 += partial[(long)(chunks + c) * args.Cols + j];
        }
        double dm = s1 / args.Rows;                                  // μ − K
        double v = XMath.Max(s2 / args.Rows - dm * dm, 0.0);         // σ², biased
        double s = 1.0 / XMath.Sqrt(v + args.Epsilon);
        double a = gamma[j] * s;
        double mu = coef[at.Shift + j] + dm;
        coef[at.Scale + j] = (float)a;
        coef[at.Offset + j] = (float)(beta[j] - dm * a);
        coef[at.Inv + j] = (float)s;
        coef[at.HatOffset + j] = (float)(-dm * s);
        coef[at.Mean + j] = (float)mu;
        if (args.Running == 0) return;
        double unbiased = args.Rows / (args.Rows - 1.0), m = args.Momentum;
        coef[at.RunningMean + j] = (float)(m * runningMean[j] + (1.0 - m) * mu);
        coef[at.RunningVar + j] = (float)(m * runningVar[j] + (1.0 - m) * unbiased * v);
    }

    /// <summary>Inference: shift = running mean, scale = γ/√(running var + ε) (in double), offset = β.</summary>
    public static void InferenceCoefficients(Index1D j, ArrayView<float> gamma, ArrayView<float> beta,
        ArrayView<float> runningMean, ArrayView<float> runningVar, ArrayView<float> coef, int cols, float epsilon)
    {
        var at = new BatchNormLayout(cols);
        coef[at.Shift + j] = runningMean[j];
        coef[at.Scale + j] = (float)(gamma[j] / XMath.Sqrt(runningVar[j] + (double)epsilon));
        coef[at.Offset + j] = beta[j];
    }

    /// <summary>y = (x − K)·scale + offset, and x̂ = (x − K)·inv + hatOffset when <paramref name="writeXHat"/> is 1.</summary>
    public static void Apply(Index2D index, ArrayView<float> x, ArrayView<float> coef, ArrayView<float> y, ArrayView<float> xHat,
        int cols, int writeXHat)
    {
        var at = new BatchNormLayout(cols);
        int j = index.X;
        long k = (long)index.Y * cols + j;
        float u = x[k] - coef[at.Shift + j];
        y[k] = u * coef[at.Scale + j] + coef[at.Offset + j];
        if (writeXHat != 0) xHat[k] = u * coef[at.Inv + j] + coef[at.HatOffset + j];
    }

    /// <summary>The per-feature outputs, copied from scratch once y and x̂ are done.</summary>
    public static void Publish(Index1D j, ArrayView<float> coef, ArrayView<float> mean, ArrayView<float> invStd,
        ArrayView<float> runningMean, ArrayView<float> runningVar, int cols, int running)
    {
        var at = new BatchNormLayout(cols);
        mean[j] = coef[at.Mean + j];
        invStd[j] = coef[at.Inv + j];
        if (running == 0) return;
        runningMean[j] = coef[at.RunningMean + j];
        runningVar[j] = coef[at.RunningVar + j];
    }
}
