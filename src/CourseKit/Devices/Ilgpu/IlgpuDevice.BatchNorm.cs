using ILGPU;
using ILGPU.Runtime;
using CourseKit.Kernels;
using CourseKit.Kernels.Ilgpu;

namespace CourseKit.Devices;

// BatchNorm: per-feature work in scratch, the big passes over the matrix, the per-feature outputs written last.
internal sealed partial class IlgpuDevice
{
    private protected override void BatchNormTrainingCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma,
        DeviceBuffer<float> beta, float epsilon, DeviceBuffer<float> y, DeviceBuffer<float> mean, DeviceBuffer<float> invStd,
        DeviceBuffer<float>? xHat, DeviceBuffer<float>? runningMean, DeviceBuffer<float>? runningVar, float momentum)
    {
        const string operation = "BatchNormForwardTraining";
        var layout = new BatchNormLayout(cols);
        int chunks = IlgpuColumns.Chunks(rows);
        bool running = runningMean is not null;
        lock (_gate)  // the statistics wait in scratch between the two halves
        {
            bool finite = Run(operation, () =>
            {
                var (coef, partial) = BatchNormScratch(layout, chunks, operation);
                var xv = View(x);
                ArrayView<float> rm = running ? View(runningMean!) : coef, rv = running ? View(runningVar!) : coef;
                Kernels.BatchNormShift(cols, xv, coef, rows, cols);
                Kernels.BatchNormMoments(new Index2D(cols, chunks), xv, coef, partial, rows, cols);
                Kernels.BatchNormStatistics(cols, partial, View(gamma), View(beta), rm, rv, coef,
                    new BatchNormArgs(rows, cols, epsilon, momentum, running ? 1 : 0));
                long end = running ? layout.Length : layout.RunningMean;  // scratch past the written blocks holds stale values
                return InputsTrusted || NoneNonFinite(coef.SubView(layout.Scale, end - layout.Scale), operation);
            });
            // Finite x whose squares overflow: refused, as on the CPU, before y is written.
            if (!finite) ThrowOverflow(x, cols);
            Run(operation, () =>
            {
                var (coef, _) = BatchNormScratch(layout, chunks, operation);
                ArrayView<float> rm = running ? View(runningMean!) : coef, rv = running ? View(runningVar!) : coef;
                Kernels.BatchNormApply(new Index2D(cols, rows), View(x), coef, View(y), xHat is null ? coef : View(xHat), cols, xHat is null ? 0 : 1);
                Kernels.BatchNormPublish(cols, coef, View(mean), View(invStd), rm, rv, cols, running ? 1 : 0);
            });
        }
    }

    private (ArrayView<float> Coefficients, ArrayView<float> Partial) BatchNormScratch(BatchNormLayout layout, int chunks, string operation)
    {
        long partial = 2L * chunks * layout.Cols;
        var scratch = Scratch(layout.Length + partial, operation);
        return (scratch.SubView(0, layout.Length), scratch.SubView(layout.Length, partial));
    }

    private static void ThrowOverflow(DeviceBuffer<float> x, int cols) => Guard.ThrowNonFinite(x.ToArray(), "x", cols);

    private protected override void BatchNormInferenceCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> gamma,
        DeviceBuffer<float> beta, DeviceBuffer<float> runningMean, DeviceBuffer<float> runningVar, float epsilon, DeviceBuffer<float> y) =>
        Run("BatchNormForwardInference", () =>
        {
            var layout = new BatchNormLayout(cols);
            var coef = Scratch(layout.Length, "BatchNormForwardInference");
            Kernels.BatchNormInference(cols, View(gamma), View(beta), View(runningMean), View(runningVar), coef, cols, epsilon);
            Kernels.BatchNormApply(new Index2D(cols, rows), View(x), coef, View(y), coef, cols, 0);
        });

    private protected override void BatchNormBackwardCore(DeviceBuffer<float> dy, DeviceBuffer<float> b, DeviceBuffer<float>? mean,
        int rows, int cols, DeviceBuffer<float> gamma, DeviceBuffer<float> invStd, DeviceBuffer<float> dx, DeviceBuffer<float> dGamma, DeviceBuffer<float> dBeta) =>
        Run("BatchNormBackward", () =>
        {
            int chunks = IlgpuColumns.Chunks(rows);
            var scratch = Scratch(6L * cols + 2L * chunks * cols, "BatchNormBackward");
            ArrayView<float> coef = scratch.SubView(0, 6L * cols), partial = scratch.SubView(6L * cols, 2L * chunks * cols);
            var shift = coef.SubView(0, cols);
            if (mean is null) shift.MemSetToZero();
            else View(mean).CopyTo(shift);
            ArrayView<float> dyv = View(dy), bv = View(b);
            Kernels.BackwardSums(new Index2D(cols, chunks), dyv, bv, coef, partial, rows, cols);
            Kernels.BackwardCoefficients(cols, partial, View(gamma), View(invStd), coef, rows, cols, mean is null ? 0 : 1);
            Kernels.BackwardApply(new Index2D(cols, rows), dyv, bv, coef, View(dx), cols);
            Kernels.BackwardPublish(cols, coef, View(dGamma), View(dBeta), cols);
        });
}
