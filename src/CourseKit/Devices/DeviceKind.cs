namespace CourseKit.Devices;

/// <summary>What a <see cref="Device"/> runs on.</summary>
public enum DeviceKind
{
    /// <summary>The CPU, through CourseKit's SIMD kernels (<see cref="Kernels.CpuKernels"/>): the default, always available.</summary>
    Cpu,

    /// <summary>ILGPU's CPU accelerator: the GPU kernels run on CPU threads. Slow; it exists so the GPU code is tested anywhere.</summary>
    IlgpuCpu,

    /// <summary>An NVIDIA GPU through ILGPU's CUDA backend (cuBLAS for GEMM where the library is installed).</summary>
    Cuda,
}
