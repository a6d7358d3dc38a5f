using CourseKit.Devices;

namespace CourseKit.Tests.Support.Backends;

/// <summary>
/// The span kernels' API, run on one backend: <see cref="Kernels.CpuKernels"/> itself, or a <see cref="Device"/>
/// (its buffers mirroring the spans). The kernel tests take one as a theory argument, so the same test sources
/// check every backend against the scalar references.
/// </summary>
public abstract class KernelBackend
{
    /// <summary>The span kernels, a device's buffers and kernels on the CPU, and the GPU kernels on ILGPU's CPU accelerator (+ each CUDA device present).</summary>
    public static IEnumerable<KernelBackend> All()
    {
        yield return new SimdBackend();
        foreach (var device in Device.Available()) yield return new DeviceBackend(device);
    }

    /// <summary>Theory rows: one per backend.</summary>
    public static TheoryData<KernelBackend> Each()
    {
        var data = new TheoryData<KernelBackend>();
        foreach (var backend in All()) data.Add(backend);
        return data;
    }

    /// <summary>
    /// Theory rows: every row of <paramref name="rows"/> for every backend, the backend first; on ILGPU's CPU
    /// accelerator (slow: kernels on emulated GPU threads) every fifth row and the last two, which still cover every
    /// remainder of its 4-thread groups and the first and last shapes.
    /// </summary>
    public static IEnumerable<object[]> Cross(IEnumerable<object[]> rows)
    {
        var materialized = rows.ToList();
        foreach (var backend in All())
            for (int i = 0; i < materialized.Count; i++)
                if (!backend.Thinned || i % 5 == 0 || i >= materialized.Count - 2) yield return [backend, .. materialized[i]];
    }

    /// <summary>Whether long lists of cases are thinned for this backend (see <see cref="Cross(IEnumerable{object[]})"/>).</summary>
    public virtual bool Thinned => false;

    /// <summary>The rows of <paramref name="type"/>'s theory-data member <paramref name="member"/> (property or method) for every backend.</summary>
    public static IEnumerable<object[]> Cross(Type type, string member)
    {
        const System.Reflection.BindingFlags any = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        object? data = type.GetProperty(member, any)?.GetValue(null) ?? type.GetMethod(member, any, Type.EmptyTypes)?.Invoke(null, null);
        var rows = data as IEnumerable<object[]> ?? throw new InvalidOperationException($"{type.Name}.{member} is not theory data.");
        return Cross(rows);
    }

    public abstract void Gemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f);

    public abstract void BatchNormForwardTraining(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        float epsilon, Span<float> y, Span<float> mean, Span<float> invStd, Span<float> xHat, Span<float> runningMean, Span<float> runningVar, float momentum);

    public abstract void BatchNormForwardInference(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, float epsilon, Span<float> y);

    public abstract void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, int rows, int cols, ReadOnlySpan<float> gamma,
        ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta);

    public abstract void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta);

    public abstract void Softmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination);

    public abstract void LogSoftmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination);

    public abstract void Hardmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination);

    public abstract void ArgMax(ReadOnlySpan<float> z, int rows, int cols, Span<int> destination);

    public abstract float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<int> labels,
        Span<float> dLogits = default, Span<float> probabilities = default);

    public abstract float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<float> targets,
        Span<float> dLogits = default, Span<float> probabilities = default);

    public abstract void Relu(ReadOnlySpan<float> x, Span<float> destination);
    public abstract void ReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ);
    public abstract void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> destination);
    public abstract void LeakyReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, float slope, Span<float> dZ);
    public abstract void Tanh(ReadOnlySpan<float> x, Span<float> destination);
    public abstract void TanhBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ);
    public abstract void Sigmoid(ReadOnlySpan<float> x, Span<float> destination);
    public abstract void SigmoidBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ);

    public abstract void DropoutForward(ReadOnlySpan<float> x, float keepProb, ulong seed, Span<float> mask, Span<float> y);
    public abstract void DropoutBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx);
    public abstract float L2Penalty(ReadOnlySpan<float> weights, float lambda, int batchSize);
    public abstract void L2GradientAccumulate(ReadOnlySpan<float> weights, float lambda, int batchSize, Span<float> dW);

    public abstract void ColumnSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination);
    public abstract void ColumnMeans(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination);
    public abstract void RowSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination);
    public abstract void RowMax(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination);
    public abstract void AddRowVector(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> v, Span<float> destination);

    public abstract void SgdStep(Span<float> w, ReadOnlySpan<float> g, float learningRate);
    public abstract void MomentumStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, float learningRate, float beta);
    public abstract void RmsPropStep(Span<float> w, ReadOnlySpan<float> g, Span<float> s, float learningRate, float beta2, float epsilon);
    public abstract void AdamStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, Span<float> s, long step, float learningRate,
        float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f);
}
