using ILGPU;
using ILGPU.Runtime;
using CourseKit.Kernels.Ilgpu;

namespace CourseKit.Devices;

internal sealed partial class IlgpuDevice
{
    /// <summary>Whether GEMM uses cuBLAS; <c>COURSEKIT_GEMM=tiled</c> forces the ILGPU kernel (to compare them).</summary>
    internal bool UsesBlas => Blas is not null && Environment.GetEnvironmentVariable("COURSEKIT_GEMM") != "tiled";

    private protected override void GemmCore(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta) => Run("Gemm", () =>
    {
        var cv = View(c).SubView(0, (long)m * n);
        if (UsesBlas)
        {
            Blas!.Multiply(View(a), View(b), cv, m, n, k, transposeA, transposeB, alpha, beta);
            return;
        }
        var shape = new GemmShape(m, n, k, transposeA ? 1 : 0, transposeB ? 1 : 0, alpha, beta);
        if (Kind == DeviceKind.Cuda) Tiled<GpuGemmTile>(a, b, cv, shape);
        else Tiled<SmallGemmTile>(a, b, cv, shape);
    });

    private void Tiled<TTile>(DeviceBuffer<float> a, DeviceBuffer<float> b, ArrayView<float> c, GemmShape shape) where TTile : struct, IGemmTile
    {
        var tile = default(TTile);
        var grid = new Index2D((shape.N + tile.BN - 1) / tile.BN, (shape.M + tile.BM - 1) / tile.BM);
        var group = new Index2D(tile.BN / 8 * (tile.BM / 8), 1);
        Kernels.Gemm<TTile>()(new KernelConfig(grid, group), View(a), View(b), c, shape);
    }
}
