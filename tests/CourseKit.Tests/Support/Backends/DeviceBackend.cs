using CourseKit.Devices;

namespace CourseKit.Tests.Support.Backends;

/// <summary>
/// The span kernels' API on a <see cref="Devices.Device"/>: the spans are mirrored in device memory (overlaps kept),
/// the device's operation runs, and the outputs come back — also when it throws, so a test sees whatever the device
/// wrote before failing.
/// </summary>
public sealed class DeviceBackend(Device device) : KernelBackend
{
    public Device Device { get; } = device;

    public override bool Thinned => Device.Kind == DeviceKind.IlgpuCpu;

    public override string ToString() => Device.Name;

    private void Call(scoped SpanSet spans, Action<DeviceMirror> operation)
    {
        using var mirror = new DeviceMirror(Device, spans);
        try
        {
            operation(mirror);
        }
        finally
        {
            mirror.CopyBack(spans);
        }
    }

    private T Call<T>(scoped SpanSet spans, Func<DeviceMirror, T> operation)
    {
        T result = default!;
        Call(spans, m => { result = operation(m); });
        return result;
    }

    public override void Gemm(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, bool transposeA = false, bool transposeB = false, float alpha = 1f, float beta = 0f) =>
        Call(new SpanSet().In(a).In(b).Out(c), d => Device.Gemm(d[0]!, d[1]!, d[2]!, m, n, k, transposeA, transposeB, alpha, beta));

    public override void BatchNormForwardTraining(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float epsilon, Span<float> y, Span<float> mean, Span<float> invStd, Span<float> xHat, Span<float> runningMean, Span<float> runningVar, float momentum) =>
        Call(new SpanSet().In(x).In(gamma).In(beta).Out(y).Out(mean).Out(invStd).Optional(xHat).Optional(runningMean).Optional(runningVar),
            d => Device.BatchNormForwardTraining(d[0]!, rows, cols, d[1]!, d[2]!, epsilon, d[3]!, d[4]!, d[5]!, d[6], d[7], d[8], momentum));

    public override void BatchNormForwardInference(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVar, float epsilon, Span<float> y) =>
        Call(new SpanSet().In(x).In(gamma).In(beta).In(runningMean).In(runningVar).Out(y),
            d => Device.BatchNormForwardInference(d[0]!, rows, cols, d[1]!, d[2]!, d[3]!, d[4]!, epsilon, d[5]!));

    public override void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> xHat, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta) =>
        Call(new SpanSet().In(dy).In(xHat).In(gamma).In(invStd).Out(dx).Out(dGamma).Out(dBeta),
            d => Device.BatchNormBackward(d[0]!, d[1]!, rows, cols, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!));

    public override void BatchNormBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> gamma, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, Span<float> dx, Span<float> dGamma, Span<float> dBeta) =>
        Call(new SpanSet().In(dy).In(x).In(gamma).In(mean).In(invStd).Out(dx).Out(dGamma).Out(dBeta),
            d => Device.BatchNormBackward(d[0]!, d[1]!, rows, cols, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!));

    public override void Softmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) =>
        Call(new SpanSet().In(z).Out(destination), d => Device.Softmax(d[0]!, rows, cols, d[1]!));

    public override void LogSoftmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) =>
        Call(new SpanSet().In(z).Out(destination), d => Device.LogSoftmax(d[0]!, rows, cols, d[1]!));

    public override void Hardmax(ReadOnlySpan<float> z, int rows, int cols, Span<float> destination) =>
        Call(new SpanSet().In(z).Out(destination), d => Device.Hardmax(d[0]!, rows, cols, d[1]!));

    public override void ArgMax(ReadOnlySpan<float> z, int rows, int cols, Span<int> destination)
    {
        using var indices = Device.Allocate<int>(destination.Length);
        Call(new SpanSet().In(z), d => Device.ArgMax(d[0]!, rows, cols, indices));
        indices.CopyTo(destination);
    }

    public override float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<int> labels, Span<float> dLogits = default, Span<float> probabilities = default)
    {
        using var deviceLabels = Device.Upload(labels);
        return Call(new SpanSet().In(logits).Optional(dLogits).Optional(probabilities),
            d => Device.SoftmaxCrossEntropy(d[0]!, rows, cols, deviceLabels, d[1], d[2]));
    }

    public override float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, int rows, int cols, ReadOnlySpan<float> targets, Span<float> dLogits = default, Span<float> probabilities = default) =>
        Call(new SpanSet().In(logits).In(targets).Optional(dLogits).Optional(probabilities),
            d => Device.SoftmaxCrossEntropy(d[0]!, rows, cols, d[1]!, d[2], d[3]));

    public override void Relu(ReadOnlySpan<float> x, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.Relu(d[0]!, d[1]!));
    public override void ReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ) => Call(new SpanSet().In(z).In(dA).Out(dZ), d => Device.ReluBackward(d[0]!, d[1]!, d[2]!));
    public override void LeakyRelu(ReadOnlySpan<float> x, float slope, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.LeakyRelu(d[0]!, slope, d[1]!));
    public override void LeakyReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, float slope, Span<float> dZ) => Call(new SpanSet().In(z).In(dA).Out(dZ), d => Device.LeakyReluBackward(d[0]!, d[1]!, slope, d[2]!));
    public override void Tanh(ReadOnlySpan<float> x, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.Tanh(d[0]!, d[1]!));
    public override void TanhBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => Call(new SpanSet().In(a).In(dA).Out(dZ), d => Device.TanhBackward(d[0]!, d[1]!, d[2]!));
    public override void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.Sigmoid(d[0]!, d[1]!));
    public override void SigmoidBackward(ReadOnlySpan<float> a, ReadOnlySpan<float> dA, Span<float> dZ) => Call(new SpanSet().In(a).In(dA).Out(dZ), d => Device.SigmoidBackward(d[0]!, d[1]!, d[2]!));

    public override void DropoutForward(ReadOnlySpan<float> x, float keepProb, ulong seed, Span<float> mask, Span<float> y) =>
        Call(new SpanSet().In(x).Out(mask).Out(y), d => Device.DropoutForward(d[0]!, keepProb, seed, d[1]!, d[2]!));
    public override void DropoutBackward(ReadOnlySpan<float> dy, ReadOnlySpan<float> mask, Span<float> dx) =>
        Call(new SpanSet().In(dy).In(mask).Out(dx), d => Device.DropoutBackward(d[0]!, d[1]!, d[2]!));
    public override float L2Penalty(ReadOnlySpan<float> weights, float lambda, int batchSize) =>
        Call(new SpanSet().In(weights), d => Device.L2Penalty(d[0]!, lambda, batchSize));
    public override void L2GradientAccumulate(ReadOnlySpan<float> weights, float lambda, int batchSize, Span<float> dW) =>
        Call(new SpanSet().In(weights).Out(dW), d => Device.L2GradientAccumulate(d[0]!, lambda, batchSize, d[1]!));

    public override void ColumnSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.ColumnSums(d[0]!, rows, cols, d[1]!));
    public override void ColumnMeans(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.ColumnMeans(d[0]!, rows, cols, d[1]!));
    public override void RowSums(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.RowSums(d[0]!, rows, cols, d[1]!));
    public override void RowMax(ReadOnlySpan<float> x, int rows, int cols, Span<float> destination) => Call(new SpanSet().In(x).Out(destination), d => Device.RowMax(d[0]!, rows, cols, d[1]!));
    public override void AddRowVector(ReadOnlySpan<float> x, int rows, int cols, ReadOnlySpan<float> v, Span<float> destination) =>
        Call(new SpanSet().In(x).In(v).Out(destination), d => Device.AddRowVector(d[0]!, rows, cols, d[1]!, d[2]!));

    public override void SgdStep(Span<float> w, ReadOnlySpan<float> g, float learningRate) => Call(new SpanSet().Out(w).In(g), d => Device.SgdStep(d[0]!, d[1]!, learningRate));
    public override void MomentumStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, float learningRate, float beta) =>
        Call(new SpanSet().Out(w).In(g).Out(v), d => Device.MomentumStep(d[0]!, d[1]!, d[2]!, learningRate, beta));
    public override void RmsPropStep(Span<float> w, ReadOnlySpan<float> g, Span<float> s, float learningRate, float beta2, float epsilon) =>
        Call(new SpanSet().Out(w).In(g).Out(s), d => Device.RmsPropStep(d[0]!, d[1]!, d[2]!, learningRate, beta2, epsilon));
    public override void AdamStep(Span<float> w, ReadOnlySpan<float> g, Span<float> v, Span<float> s, long step, float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f) =>
        Call(new SpanSet().Out(w).In(g).Out(v).Out(s), d => Device.AdamStep(d[0]!, d[1]!, d[2]!, d[3]!, step, learningRate, beta1, beta2, epsilon, weightDecay));
}
