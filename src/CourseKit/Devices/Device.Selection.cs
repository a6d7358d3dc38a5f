using System.Collections.Concurrent;

namespace CourseKit.Devices;

// Choosing a device, as one chooses one in PyTorch: the best available by default, or by name.
public abstract partial class Device
{
    private static readonly Lazy<Device> s_ilgpuCpu = new(() => IlgpuDevice.CreateCpu());
    private static readonly Lazy<int> s_cudaCount = new(IlgpuDevice.CountCudaDevices);
    private static readonly ConcurrentDictionary<int, Lazy<Device>> s_cuda = new();
    private static Device? s_default;

    /// <summary>The CPU with CourseKit's SIMD kernels: always there, the default when no GPU is.</summary>
    public static Device Cpu { get; } = new CpuDevice();

    /// <summary>ILGPU's CPU accelerator: the GPU kernels on CPU threads (slow; for testing GPU code anywhere).</summary>
    public static Device IlgpuCpu => s_ilgpuCpu.Value;

    /// <summary>How many NVIDIA GPUs CUDA sees here (0 without a GPU or driver).</summary>
    public static int CudaDeviceCount => s_cudaCount.Value;

    /// <summary>
    /// The device used when none is named: <c>COURSEKIT_DEVICE</c> when set (a name <see cref="Get"/> accepts),
    /// otherwise <see cref="Best"/>. Settable, e.g. <c>Device.Default = Device.Cpu</c>.
    /// </summary>
    public static Device Default
    {
        get => s_default ??= Environment.GetEnvironmentVariable("COURSEKIT_DEVICE") is { Length: > 0 } name ? Get(name) : Best();
        set => s_default = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The first NVIDIA GPU when CUDA sees one, otherwise <see cref="Cpu"/>.</summary>
    public static Device Best() => CudaDeviceCount > 0 ? Cuda(0) : Cpu;

    /// <summary>The NVIDIA GPU number <paramref name="ordinal"/> (from 0).</summary>
    /// <exception cref="DeviceUnavailableException">No such GPU here; the message says what CUDA sees and what to use instead.</exception>
    public static Device Cuda(int ordinal = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        var lazy = s_cuda.GetOrAdd(ordinal, i => new Lazy<Device>(() => IlgpuDevice.CreateCuda(i)));
        try
        {
            return lazy.Value;
        }
        catch (DeviceUnavailableException)
        {
            s_cuda.TryRemove(ordinal, out _);  // not cached: a later call tries again
            throw;
        }
    }

    /// <summary>Every device usable here: <c>cpu</c>, each <c>cuda:N</c>, and <c>ilgpu-cpu</c>.</summary>
    public static IReadOnlyList<Device> Available()
    {
        var devices = new List<Device> { Cpu };
        for (int i = 0; i < CudaDeviceCount; i++) devices.Add(Cuda(i));
        devices.Add(IlgpuCpu);
        return devices;
    }

    /// <summary>
    /// The device called <paramref name="name"/>: <c>cpu</c>, <c>cuda</c> (= <c>cuda:0</c>), <c>cuda:N</c>,
    /// <c>ilgpu-cpu</c>, or <c>best</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    /// <exception cref="DeviceUnavailableException">A CUDA device that is not here.</exception>
    public static Device Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        if (key == "cpu") return Cpu;
        if (key == "best") return Best();
        if (key == "ilgpu-cpu") return IlgpuCpu;
        if (key == "cuda" || key == "gpu") return Cuda(0);
        if (key.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(key.AsSpan(5), out int ordinal) && ordinal >= 0) return Cuda(ordinal);
        throw new ArgumentException(
            $"name: expected cpu, cuda, cuda:N, ilgpu-cpu or best, actual \"{name}\".", nameof(name));
    }
}
