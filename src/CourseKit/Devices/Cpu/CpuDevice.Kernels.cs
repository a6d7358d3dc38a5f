using CourseKit.Kernels;

namespace CourseKit.Devices;

// Every operation is the span kernel itself: the CPU device adds buffers and device checks, nothing numeric.
internal sealed partial class CpuDevice
{
    private protected override void ElementwiseCore(ElementwiseOp op, DeviceBuffer<float> x, DeviceBuffer<float>? y,
        DeviceBuffer<float> destination, float parameter)
    {
        Span<float> xs = Span<float>(x), ys = Span(y), d = Span<float>(destination);
        switch (op)
        {
            case ElementwiseOp.Relu: CpuKernels.Relu(xs, d); break;
            case ElementwiseOp.LeakyRelu: CpuKernels.LeakyRelu(xs, parameter, d); break;
            case ElementwiseOp.Tanh: CpuKernels.Tanh(xs, d); break;
            case ElementwiseOp.Sigmoid: CpuKernels.Sigmoid(xs, d); break;
            case ElementwiseOp.ReluBackward: CpuKernels.ReluBackward(xs, ys, d); break;
            case ElementwiseOp.LeakyReluBackward: CpuKernels.LeakyReluBackward(xs, ys, parameter, d); break;
            case ElementwiseOp.TanhBackward: CpuKernels.TanhBackward(xs, ys, d); break;
            case ElementwiseOp.SigmoidBackward: CpuKernels.SigmoidBackward(xs, ys, d); break;
            case ElementwiseOp.Multiply: System.Numerics.Tensors.TensorPrimitives.Multiply(xs, ys, d[..xs.Length]); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    private protected override void DropoutMaskCore(ulong key, uint threshold, float scale, DeviceBuffer<float> mask) =>
        CpuKernels.DropoutMask(key, threshold, scale, Span<float>(mask));

    private protected override void ColumnSumsCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, float scale)
    {
        if (scale == 1f) CpuKernels.ColumnSums(Span<float>(x), rows, cols, Span<float>(destination));
        else CpuKernels.ColumnMeans(Span<float>(x), rows, cols, Span<float>(destination));
    }

    private protected override void RowReductionCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, bool max)
    {
        if (max) CpuKernels.RowMax(Span<float>(x), rows, cols, Span<float>(destination));
        else CpuKernels.RowSums(Span<float>(x), rows, cols, Span<float>(destination));
    }

    private protected override void AddRowVectorCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> v, DeviceBuffer<float> destination) =>
        CpuKernels.AddRowVector(Span<float>(x), rows, cols, Span<float>(v), Span<float>(destination));

    private protected override void RowMapCore(RowOp op, DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination)
    {
        Span<float> zs = Span<float>(z), d = Span<float>(destination);
        switch (op)
        {
            case RowOp.Softmax: CpuKernels.Softmax(zs, rows, cols, d); break;
            case RowOp.LogSoftmax: CpuKernels.LogSoftmax(zs, rows, cols, d); break;
            case RowOp.Hardmax: CpuKernels.Hardmax(zs, rows, cols, d); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }

    private protected override void ArgMaxCore(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<int> destination) =>
        CpuKernels.ArgMax(Span<float>(z), rows, cols, Span<int>(destination));

    private protected override float SoftmaxCrossEntropyCore(DeviceBuffer<float> logits, int rows, int cols,
        DeviceBuffer<int>? labels, DeviceBuffer<float>? targets, DeviceBuffer<float>? dLogits, DeviceBuffer<float>? probabilities) =>
        labels is not null
            ? CpuKernels.SoftmaxCrossEntropy(Span<float>(logits), rows, cols, Span<int>(labels), Span(dLogits), Span(probabilities))
            : CpuKernels.SoftmaxCrossEntropy(Span<float>(logits), rows, cols, Span<float>(targets!), Span(dLogits), Span(probabilities));

    private protected override void BatchNormTrainingCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma,
        DeviceBuffer<float> beta, float epsilon, DeviceBuffer<float> y, DeviceBuffer<float> mean, DeviceBuffer<float> invStd,
        DeviceBuffer<float>? xHat, DeviceBuffer<float>? runningMean, DeviceBuffer<float>? runningVar, float momentum) =>
        CpuKernels.BatchNormForwardTraining(Span<float>(x), rows, cols, Span<float>(gamma), Span<float>(beta), epsilon,
            Span<float>(y), Span<float>(mean), Span<float>(invStd), Span(xHat), Span(runningMean), Span(runningVar), momentum);

    private protected override void BatchNormInferenceCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma,
        DeviceBuffer<float> beta, DeviceBuffer<float> runningMean, DeviceBuffer<float> runningVar, float epsilon, DeviceBuffer<float> y) =>
        CpuKernels.BatchNormForwardInference(Span<float>(x), rows, cols, Span<float>(gamma), Span<float>(beta),
            Span<float>(runningMean), Span<float>(runningVar), epsilon, Span<float>(y));

    private protected override void BatchNormBackwardCore(DeviceBuffer<float> dy, DeviceBuffer<float> b, DeviceBuffer<float>? mean,
        int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> invStd, DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta)
    {
        if (mean is null)
            CpuKernels.BatchNormBackward(Span<float>(dy), Span<float>(b), rows, cols, Span<float>(gamma), Span<float>(invStd),
                Span<float>(dx), Span<float>(dGamma), Span<float>(dBeta));
        else
            CpuKernels.BatchNormBackward(Span<float>(dy), Span<float>(b), rows, cols, Span<float>(gamma), Span<float>(mean),
                Span<float>(invStd), Span<float>(dx), Span<float>(dGamma), Span<float>(dBeta));
    }

    private protected override void OptimizerStepCore(OptimizerStep step, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>? v, DeviceBuffer<float>? s)
    {
        Span<float> ws = Span<float>(w), gs = Span<float>(g);
        switch (step.Rule)
        {
            case UpdateRule.Sgd: CpuKernels.SgdStep(ws, gs, step.LearningRate); break;
            case UpdateRule.Momentum: CpuKernels.MomentumStep(ws, gs, Span(v), step.LearningRate, step.Beta1); break;
            case UpdateRule.RmsProp: CpuKernels.RmsPropStep(ws, gs, Span(v), step.LearningRate, step.Beta2, step.Epsilon); break;
            case UpdateRule.Adam:
                CpuKernels.AdamStep(ws, gs, Span(v), Span(s), step.Step, step.LearningRate, step.Beta1, step.Beta2, step.Epsilon, step.WeightDecay);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step.Rule, null);
        }
    }
}
