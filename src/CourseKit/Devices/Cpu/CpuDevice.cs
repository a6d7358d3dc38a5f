using System.Numerics.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Devices;

/// <summary>
/// The CPU: buffers are managed arrays and every operation is the matching <see cref="CpuKernels"/> span kernel
/// (SIMD, AVX-512 where present). The default device, and the one results on other devices are compared with.
/// </summary>
internal sealed partial class CpuDevice() : Device("cpu", DeviceKind.Cpu)
{
    public override string Description =>
        $"CPU: {Environment.ProcessorCount} logical cores, SIMD kernels ({SimdWidth()}), GEMM: CourseKit's packed micro-kernels";

    public override void Synchronize() { }

    /// <summary>The buffer's elements as a span over its array.</summary>
    internal static Span<T> Span<T>(DeviceBuffer<T> buffer) where T : unmanaged =>
        ((CpuStorage<T>)buffer.Storage).Array.AsSpan(buffer.Offset, buffer.Length);

    private static Span<float> Span(DeviceBuffer<float>? buffer) => buffer is null ? default : Span<float>(buffer);

    private protected override DeviceStorage<T> AllocateStorage<T>(int length)
    {
        try
        {
            return new CpuStorage<T>(this, length);
        }
        catch (OutOfMemoryException e)
        {
            throw new DeviceOutOfMemoryException(Name, "Allocate", (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(),
                GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - GC.GetTotalMemory(false), e);
        }
    }

    private protected override void UploadCore<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination) => source.CopyTo(Span(destination));

    private protected override void DownloadCore<T>(DeviceBuffer<T> source, Span<T> destination) => Span(source).CopyTo(destination);

    private protected override void CopyWithinCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) => Span(source).CopyTo(Span(destination));

    private protected override bool AllFinite(DeviceBuffer<float> x) => Finite.All(Span<float>(x));

    private protected override void GemmCore(DeviceBuffer<float> a, DeviceBuffer<float> b, DeviceBuffer<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta) =>
        CpuKernels.GemmUnchecked(Span<float>(a), Span<float>(b), Span<float>(c), m, n, k, transposeA, transposeB, alpha, beta);

    private protected override double SumOfSquaresCore(DeviceBuffer<float> x)
    {
        double sum = 0;
        foreach (float w in Span<float>(x)) sum += (double)w * w;
        return sum;
    }

    private protected override void AxpyCore(float alpha, DeviceBuffer<float> x, DeviceBuffer<float> y) =>
        TensorPrimitives.MultiplyAdd(Span<float>(x), alpha, Span<float>(y), Span<float>(y));

    private static string SimdWidth() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "512-bit" :
        System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "256-bit" : "128-bit";
}
