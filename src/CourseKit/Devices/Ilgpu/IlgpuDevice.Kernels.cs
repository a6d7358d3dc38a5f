using ILGPU;
using ILGPU.Runtime;
using CourseKit.Kernels;
using CourseKit.Kernels.Ilgpu;

namespace CourseKit.Devices;

// Element-wise, row and optimizer operations: launches queued on the default stream.
internal sealed partial class IlgpuDevice
{
    private protected override void ElementwiseCore(ElementwiseOp op, DeviceBuffer<float> x, DeviceBuffer<float>? y,
        DeviceBuffer<float> destination, float parameter) => Run(op.ToString(), () =>
    {
        ArrayView<float> xv = View(x), yv = y is null ? xv : View(y), d = View(destination).SubView(0, x.Length);
        switch (op)
        {
            case ElementwiseOp.Relu: Launch(new ReluMap()); break;
            case ElementwiseOp.LeakyRelu: Launch(new LeakyReluMap(parameter)); break;
            case ElementwiseOp.Tanh: Launch(new TanhMap()); break;
            case ElementwiseOp.Sigmoid: Launch(new SigmoidMap()); break;
            case ElementwiseOp.ReluBackward: Launch(new ReluBackwardMap()); break;
            case ElementwiseOp.LeakyReluBackward: Launch(new LeakyReluBackwardMap(parameter)); break;
            case ElementwiseOp.TanhBackward: Launch(new TanhBackwardMap()); break;
            case ElementwiseOp.SigmoidBackward: Launch(new SigmoidBackwardMap()); break;
            case ElementwiseOp.Multiply: Launch(new MultiplyMap()); break;
            default: throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }

        void Launch<TMap>(TMap map) where TMap : struct, IDeviceMap => Kernels.Map<TMap>()(x.Length, xv, yv, d, map);
    });

    private protected override void DropoutMaskCore(ulong key, uint threshold, float scale, DeviceBuffer<float> mask) =>
        Run("DropoutForward", () => Kernels.DropoutMask(mask.Length, View(mask), key, threshold, scale));

    private protected override void RowMapCore(RowOp op, DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<float> destination) =>
        Run(op.ToString(), () => Kernels.RowMap(RowConfig(rows, cols), View(z), View(destination), cols, (int)op));

    private protected override void ArgMaxCore(DeviceBuffer<float> z, int rows, int cols, DeviceBuffer<int> destination) =>
        Run("ArgMax", () => Kernels.ArgMax(RowConfig(rows, cols), View(z), View(destination), cols));

    private protected override float SoftmaxCrossEntropyCore(DeviceBuffer<float> logits, int rows, int cols,
        DeviceBuffer<int>? labels, DeviceBuffer<float>? targets, DeviceBuffer<float>? dLogits, DeviceBuffer<float>? probabilities) =>
        Run("SoftmaxCrossEntropy", () =>
        {
            var z = View(logits);
            var rowLoss = Scratch(rows, "SoftmaxCrossEntropy");
            var outputs = new CrossEntropyOutputs(1f / rows, dLogits is null ? 0 : 1, probabilities is null ? 0 : 1);
            ArrayView<float> d = dLogits is null ? z : View(dLogits), p = probabilities is null ? z : View(probabilities);
            if (labels is not null) Kernels.CrossEntropyLabels(RowConfig(rows, cols), z, View(labels), d, p, rowLoss, cols, outputs);
            else Kernels.CrossEntropyTargets(RowConfig(rows, cols), z, View(targets!), d, p, rowLoss, cols, outputs);
            return (float)(SumToHost(rowLoss, squares: false, "SoftmaxCrossEntropy") / rows);
        });

    private protected override void OptimizerStepCore(OptimizerStep step, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>? v, DeviceBuffer<float>? s) => Run(step.Rule + "Step", () =>
    {
        int n = w.Length;
        switch (step.Rule)
        {
            case UpdateRule.Sgd: Kernels.Sgd(n, View(w), View(g), step.LearningRate); break;
            case UpdateRule.Momentum:
                Kernels.Momentum(n, View(w), View(g), View(v!), new UpdateArgs(step.LearningRate, step.Beta1, 0f, 0f, 0f, 1f));
                break;
            case UpdateRule.RmsProp:
                Kernels.RmsProp(n, View(w), View(g), View(v!), new UpdateArgs(step.LearningRate, 0f, step.Beta2, step.Epsilon, 0f, 1f));
                break;
            case UpdateRule.Adam:
                var rule = AdamRule.Create(step.Step, step.LearningRate, step.Beta1, step.Beta2, step.Epsilon, step.WeightDecay);
                Kernels.Adam(n, View(w), View(g), View(v!), View(s!), new UpdateArgs(rule.StepSize, step.Beta1, step.Beta2, step.Epsilon, rule.C2, rule.Keep));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(step), step.Rule, null);
        }
    });
}
