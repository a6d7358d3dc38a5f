using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace CourseKit.Devices;

/// <summary>
/// A device running ILGPU kernels: an NVIDIA GPU through CUDA, or ILGPU's CPU accelerator (the same kernels on CPU
/// threads, so that every GPU code path is tested on machines without a GPU).
/// </summary>
/// <remarks>
/// Operations are serialized (one at a time per device, from any thread) and queued on the accelerator's default
/// stream: consecutive operations run in order without waiting; copying to the host waits. Exceptions thrown by ILGPU
/// or the driver are rethrown as <see cref="DeviceException"/> naming this device and the operation.
/// </remarks>
internal sealed partial class IlgpuDevice : Device
{
    private readonly object _gate = new();
    private readonly Context _context;
    private long _allocatedBytes;

    private IlgpuDevice(string name, DeviceKind kind, Context context, Accelerator accelerator, long memoryLimit)
        : base(name, kind)
    {
        _context = context;
        Accelerator = accelerator;
        MemoryLimit = memoryLimit;
        Kernels = new IlgpuKernelSet(accelerator);
        Blas = kind == DeviceKind.Cuda ? CuBlasGemm.TryCreate((CudaAccelerator)accelerator) : null;
    }

    internal Accelerator Accelerator { get; }

    internal IlgpuKernelSet Kernels { get; }

    /// <summary>cuBLAS for GEMM on CUDA when the library loads; otherwise CourseKit's tiled kernel.</summary>
    internal CuBlasGemm? Blas { get; }

    /// <summary>Bytes of device memory this device lets its buffers and scratch take.</summary>
    internal long MemoryLimit { get; }

    public override string Description =>
        $"{Accelerator.Name} ({Accelerator.AcceleratorType}, {Accelerator.NumMultiprocessors} multiprocessors, " +
        $"{MemoryLimit / (1024.0 * 1024 * 1024):F1} GiB), GEMM: {(Blas is null ? "CourseKit's tiled ILGPU kernel" : Blas.Name)}";

    /// <summary>ILGPU's CPU accelerator with small warps (4 threads) so barrier-heavy kernels stay quick on 2 cores.</summary>
    internal static IlgpuDevice CreateCpu(string name = "ilgpu-cpu", long? memoryLimit = null)
    {
        var cpu = new CPUDevice(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: 1, numMultiprocessors: 1);
        var context = Context.Create(builder => builder.CPU(cpu).EnableAlgorithms().Optimize(OptimizationLevel.O2));
        var accelerator = cpu.CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel);
        // The CPU accelerator reports 2⁶³ bytes; its real budget is the process's memory.
        return new IlgpuDevice(name, DeviceKind.IlgpuCpu, context, accelerator, memoryLimit ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    /// <summary>The CUDA device <paramref name="ordinal"/>; <see cref="DeviceUnavailableException"/> when there is none.</summary>
    internal static IlgpuDevice CreateCuda(int ordinal)
    {
        var context = Context.Create(builder => builder.Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O2));
        var devices = context.GetCudaDevices();
        if (ordinal >= devices.Count)
        {
            context.Dispose();
            throw new DeviceUnavailableException($"cuda:{ordinal}", devices.Count == 0
                ? "no NVIDIA GPU is visible to CUDA here (ILGPU found no CUDA device: no NVIDIA GPU, or no driver with libcuda). " +
                  "Every chapter runs on the CPU: use Device.Cpu, or Device.Best() to take a GPU only when there is one."
                : $"there are only {devices.Count} CUDA device(s): cuda:0 … cuda:{devices.Count - 1}.");
        }
        try
        {
            var accelerator = devices[ordinal].CreateAccelerator(context);
            return new IlgpuDevice($"cuda:{ordinal}", DeviceKind.Cuda, context, accelerator, accelerator.MemorySize);
        }
        catch (Exception e) when (e is not DeviceException)
        {
            context.Dispose();
            throw new DeviceUnavailableException($"cuda:{ordinal}", $"the GPU was found but could not be started: {e.Message}", e);
        }
    }

    /// <summary>How many CUDA devices ILGPU sees (0 without an NVIDIA driver).</summary>
    internal static int CountCudaDevices()
    {
        try
        {
            using var context = Context.Create(builder => builder.Cuda());
            return context.GetCudaDevices().Count;
        }
        catch (Exception)
        {
            return 0;  // a broken or missing driver means no usable GPU, which Device.Cuda then explains
        }
    }

    public override void Synchronize() => Run("Synchronize", () => Accelerator.Synchronize());

    internal void Released(long bytes) => Interlocked.Add(ref _allocatedBytes, -bytes);

    /// <summary>Runs <paramref name="body"/> alone on this device; any failure becomes a <see cref="DeviceException"/>.</summary>
    internal void Run(string operation, Action body)
    {
        lock (_gate)
        {
            try
            {
                body();
            }
            catch (Exception e) when (e is not DeviceException)
            {
                throw Translate(operation, e);
            }
        }
    }

    internal TResult Run<TResult>(string operation, Func<TResult> body)
    {
        TResult result = default!;
        Run(operation, () => { result = body(); });
        return result;
    }

    private DeviceException Translate(string operation, Exception e) =>
        e is OutOfMemoryException || e.Message.Contains("OUT_OF_MEMORY", StringComparison.OrdinalIgnoreCase)
            ? new DeviceOutOfMemoryException(Name, operation, -1, MemoryLimit - Interlocked.Read(ref _allocatedBytes), e)
            : new DeviceException(Name, operation, $"{e.GetType().Name}: {e.Message}", e);
}
