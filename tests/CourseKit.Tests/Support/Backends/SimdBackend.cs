using CourseKit.Kernels;

namespace CourseKit.Tests.Support.Backends;

/// <summary>The span kernels themselves (<see cref="CpuKernels"/>), as every test ran them before devices existed.</summary>
public sealed class SimdBackend : KernelBackend
{
    public override string ToString() => "simd";

    public override void Gemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f) =>
        CpuKernels.Gemm(a, b, c, m, n, k, transposeA, transposeB, alpha, beta);

    public override void BatchNormForwardTraining(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon, Span<float> y, Span<float> mean, Span<float> invStd, Span<float> xHat, Span<float> runningMean, Span<float> runningVar, float momentum) =>
        CpuKernels.BatchNormForwardTraining(x, rows, cols, gamma, beta, epsilon, y, mean, invStd, xHat, runningMean, runningVar, momentum);

    public override void BatchNormForwardInference(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, float epsilon, Span<float> y) =>
        CpuKernels.BatchNormForwardInference(x, rows, cols, gamma, beta, runningMean, runningVar, epsilon, y);

    public override void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta) =>
        CpuKernels.BatchNormBackward(dy, xHat, rows, cols, gamma, invStd, dx, dGamma, dBeta);

    public override void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta) =>
        CpuKernels.BatchNormBackward(dy, x, rows, cols, gamma, mean, invStd, dx, dGamma, dBeta);

    public override void Softmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) => CpuKernels.Softmax(z, rows, cols, destination);
    public override void LogSoftmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) => CpuKernels.LogSoftmax(z, rows, cols, destination);
    public override void Hardmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) => CpuKernels.Hardmax(z, rows, cols, destination);
    public override void ArgMax(ReadOnlySpan<float> z, int rows, int cols, Span<int> destination) => CpuKernels.ArgMax(z, rows, cols, destination);

    public override float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<int> labels, Span<float> dLogits = default, Span<float> probabilities = default) =>
        CpuKernels.SoftmaxCrossEntropy(logits, rows, cols, labels, dLogits, probabilities);

    public override float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<float> targets, Span<float> dLogits = default, Span<float> probabilities = default) =>
        CpuKernels.SoftmaxCrossEntropy(logits, rows, cols, targets, dLogits, probabilities);

    public override void Relu(ReadOnlySpan<float> x, Span<float> destination) => CpuKernels.Relu(x, destination);
    public override void ReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.ReluBackward(z, dA, dZ);
    public override void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> destination) => CpuKernels.LeakyRelu(x, slope, destination);
    public override void LeakyReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, float slope, Span<float> dZ) => CpuKernels.LeakyReluBackward(z, dA, slope, dZ);
    public override void Tanh(ReadOnlySpan<float> x, Span<float> destination) => CpuKernels.Tanh(x, destination);
    public override void TanhBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.TanhBackward(a, dA, dZ);
    public override void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) => CpuKernels.Sigmoid(x, destination);
    public override void SigmoidBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => CpuKernels.SigmoidBackward(a, dA, dZ);

    public override void DropoutForward(ReadOnlySpan<float> x, float keepProb, ulong seed, Span<float> mask, Span<float> y) => CpuKernels.DropoutForward(x, keepProb, seed, mask, y);
    public override void DropoutBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx) => CpuKernels.DropoutBackward(dy, mask, dx);
    public override float L2Penalty(ReadOnlySpan<float> weights, float lambda, int batchSize) => CpuKernels.L2Penalty(weights, lambda, batchSize);
    public override void L2GradientAccumulate(ReadOnlySpan<float> weights, float lambda, int batchSize, Span<float> dW) => CpuKernels.L2GradientAccumulate(weights, lambda, batchSize, dW);

    public override void ColumnSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => CpuKernels.ColumnSums(x, rows, cols, destination);
    public override void ColumnMeans(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => CpuKernels.ColumnMeans(x, rows, cols, destination);
    public override void RowSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => CpuKernels.RowSums(x, rows, cols, destination);
    public override void RowMax(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => CpuKernels.RowMax(x, rows, cols, destination);
    public override void AddRowVector(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> v, Span<float> destination) => CpuKernels.AddRowVector(x, rows, cols, v, destination);

    public override void SgdStep(Span<float> w, ReadOnlySpan<float> g, float learningRate) => CpuKernels.SgdStep(w, g, learningRate);
    public override void MomentumStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, float learningRate, float beta) => CpuKernels.MomentumStep(w, g, v, learningRate, beta);
    public override void RmsPropStep(Span<float> w, ReadOnlySpan<float> g, Span<float> s, float learningRate, float beta2, float epsilon) => CpuKernels.RmsPropStep(w, g, s, learningRate, beta2, epsilon);
    public override void AdamStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, Span<float> s, long step, float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f) =>
        CpuKernels.AdamStep(w, g, v, s, step, learningRate, beta1, beta2, epsilon, weightDecay);
}
