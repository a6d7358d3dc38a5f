using System.Runtime.Intrinsics.X86;

namespace CourseKit.Kernels;

/// <summary>A register-tiled kernel: C[MR × NR] += alpha · (packed A panel) · (packed B panel) over kc steps.</summary>
internal unsafe interface IMicroKernel
{
    int MR { get; }
    int NR { get; }
    void Run(int kc, float* packedA, float* packedB, float* c, int ldc, float alpha);
}

/// <summary>Picks the widest micro-kernel this CPU runs natively.</summary>
internal static class MicroKernels
{
    public static readonly IMicroKernel Best =
        Avx512F.IsSupported ? new MicroKernel12x32()
        : Fma.IsSupported && Avx2.IsSupported ? new MicroKernel6x16()
        : new MicroKernel4x8();

    /// <summary>Every kernel this CPU can run (tests check each one against the reference).</summary>
    public static IEnumerable<IMicroKernel> Supported()
    {
        if (Avx512F.IsSupported) yield return new MicroKernel12x32();
        if (Fma.IsSupported && Avx2.IsSupported) yield return new MicroKernel6x16();
        yield return new MicroKernel4x8();
    }
}
