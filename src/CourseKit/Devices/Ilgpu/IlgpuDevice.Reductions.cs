using ILGPU;
using ILGPU.Runtime;
using CourseKit.Kernels.Ilgpu;

namespace CourseKit.Devices;

// Checks and sums that end on the host: each waits for the device once.
internal sealed partial class IlgpuDevice
{
    private const int FirstStageThreads = 4096, SecondStageThreads = 64;

    private protected override bool AllFinite(DeviceBuffer<float> x) => Run("Finite check", () => NoneNonFinite(View(x), "Finite check"));

    // One flag for the whole list: each launch can only set it, so the host waits once, not once per buffer.
    private protected override bool AllFinite(IReadOnlyList<DeviceBuffer<float>> xs) => Run("Finite check", () =>
    {
        var flag = Flag("Finite check");
        flag.MemSetToZero();
        foreach (var x in xs)
            if (x.Length > 0) Kernels.NonFinite(x.Length, View(x), flag);
        var result = new int[1];
        flag.CopyToCPU(result);
        return result[0] == 0;
    });

    /// <summary>Whether no element of <paramref name="x"/> is NaN or ±∞: one flag, cleared, set by any thread that finds one.</summary>
    private bool NoneNonFinite(ArrayView<float> x, string operation)
    {
        var flag = Flag(operation);
        flag.MemSetToZero();
        Kernels.NonFinite((int)x.Length, x, flag);
        var result = new int[1];
        flag.CopyToCPU(result);
        return result[0] == 0;
    }

    private protected override double SumOfSquaresCore(DeviceBuffer<float> x) =>
        Run("L2Penalty", () => SumToHost(View(x), squares: true, "L2Penalty"));

    /// <summary>Σ x (or Σ x²) in double, in fixed stages: 4096 strided partials, then 64, then 1.</summary>
    private double SumToHost(ArrayView<float> x, bool squares, string operation)
    {
        int first = (int)Math.Min(x.Length, FirstStageThreads), second = Math.Min(first, SecondStageThreads);
        var scratch = ScratchDouble(first + second + 1, operation);
        ArrayView<double> a = scratch.SubView(0, first), b = scratch.SubView(first, second), total = scratch.SubView(first + second, 1);
        if (squares) Kernels.SquaresStrided(first, x, a, first);
        else Kernels.SumStrided(first, x, a, first);
        Kernels.FoldStrided(second, a, b, first, second);
        Kernels.FoldStrided(1, b, total, second, 1);
        var result = new double[1];
        total.CopyToCPU(result);
        return result[0];
    }

    private protected override void AxpyCore(float alpha, DeviceBuffer<float> x, DeviceBuffer<float> y) =>
        Run("L2GradientAccumulate", () => Kernels.Axpy(x.Length, View(x), View(y), alpha));

    private protected override void ColumnSumsCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, float scale) =>
        Run("ColumnSums", () =>
        {
            int chunks = IlgpuColumns.Chunks(rows);
            var partial = Scratch(Math.Max((long)chunks * cols, 1), "ColumnSums");
            if (chunks > 0) Kernels.ChunkSums(new Index2D(cols, chunks), View(x), partial, rows, cols);
            Kernels.FoldSums(cols, partial, View(destination), chunks, cols, scale);
        });

    private protected override void RowReductionCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> destination, bool max) =>
        Run(max ? "RowMax" : "RowSums", () => Kernels.RowReduce(RowConfig(rows, cols), View(x), View(destination), cols, max ? 1 : 0));

    private protected override void AddRowVectorCore(DeviceBuffer<float> x, int rows, int cols, DeviceBuffer<float> v, DeviceBuffer<float> destination) =>
        Run("AddRowVector", () => Kernels.AddRowVector(new Index2D(cols, rows), View(x), View(v), View(destination), cols));

    /// <summary>One group per row, as many threads as the columns need (a power of two, a warp at least on a GPU).</summary>
    private KernelConfig RowConfig(int rows, int cols)
    {
        int most = Kind == DeviceKind.Cuda ? 256 : Accelerator.MaxNumThreadsPerGroup;
        int least = Math.Min(Kind == DeviceKind.Cuda ? Accelerator.WarpSize : 1, most);
        int size = 1;
        while (size < cols && size < most) size *= 2;
        return new KernelConfig(rows, Math.Max(size, least));
    }
}
