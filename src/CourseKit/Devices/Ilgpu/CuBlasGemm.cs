using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace CourseKit.Devices;

/// <summary>
/// SGEMM through NVIDIA's cuBLAS, called directly (cublasSgemm_v2) on the accelerator's stream. Loaded when a
/// libcublas is found (<c>COURSEKIT_CUBLAS</c> = a path, else libcublas.so.13, .12, .11); CourseKit's own tiled
/// kernel is used otherwise.
/// </summary>
/// <remarks>cuBLAS is column-major: the row-major C = op(A)·op(B) is the column-major Cᵀ = op(B)ᵀ·op(A)ᵀ, so B and A
/// swap places and every matrix is passed as stored.</remarks>
internal sealed unsafe class CuBlasGemm
{
    private const int OpN = 0, OpT = 1;
    private readonly nint _handle;
    private readonly delegate* unmanaged<nint, int, int, int, int, int, float*, nint, int, nint, int, float*, nint, int, int> _sgemm;

    private CuBlasGemm(nint library, string name, CudaAccelerator accelerator)
    {
        var create = (delegate* unmanaged<nint*, int>)NativeLibrary.GetExport(library, "cublasCreate_v2");
        var setStream = (delegate* unmanaged<nint, nint, int>)NativeLibrary.GetExport(library, "cublasSetStream_v2");
        var version = (delegate* unmanaged<nint, int*, int>)NativeLibrary.GetExport(library, "cublasGetVersion_v2");
        _sgemm = (delegate* unmanaged<nint, int, int, int, int, int, float*, nint, int, nint, int, float*, nint, int, int>)
            NativeLibrary.GetExport(library, "cublasSgemm_v2");
        accelerator.Bind();
        nint handle;
        Check(create(&handle), "cublasCreate_v2");
        _handle = handle;
        Check(setStream(_handle, ((CudaStream)accelerator.DefaultStream).StreamPtr), "cublasSetStream_v2");
        int v;
        Name = version(_handle, &v) == 0 ? $"cuBLAS {v / 10000}.{v / 100 % 100}.{v % 100} ({name})" : $"cuBLAS ({name})";
    }

    /// <summary>The library and version, for the device's description.</summary>
    public string Name { get; }

    /// <summary>cuBLAS for <paramref name="accelerator"/>, or null when no library loads or it will not start.</summary>
    public static CuBlasGemm? TryCreate(CudaAccelerator accelerator)
    {
        string? configured = Environment.GetEnvironmentVariable("COURSEKIT_CUBLAS");
        string[] names = configured is { Length: > 0 } ? [configured] : ["libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so", "cublas64_13", "cublas64_12"];
        foreach (string name in names)
        {
            if (!NativeLibrary.TryLoad(name, out nint library)) continue;
            try
            {
                return new CuBlasGemm(library, name, accelerator);
            }
            catch (Exception)
            {
                return null;  // present but unusable (another CUDA major version): the tiled kernel still works
            }
        }
        return null;
    }

    /// <summary>Row-major C = α·op(A)·op(B) + β·C, queued on the accelerator's stream.</summary>
    public void Multiply(ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int m, int n, int k,
        bool transposeA, bool transposeB, float alpha, float beta)
    {
        int lda = transposeA ? m : k, ldb = transposeB ? k : n;
        int status = _sgemm(_handle, transposeB ? OpT : OpN, transposeA ? OpT : OpN, n, m, k, &alpha,
            b.LoadEffectiveAddressAsPtr(), Math.Max(ldb, 1), a.LoadEffectiveAddressAsPtr(), Math.Max(lda, 1), &beta,
            c.LoadEffectiveAddressAsPtr(), Math.Max(n, 1));
        Check(status, "cublasSgemm_v2");
    }

    private static void Check(int status, string call)
    {
        if (status != 0) throw new InvalidOperationException($"{call} returned cuBLAS status {status}.");
    }
}
