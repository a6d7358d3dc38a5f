using CourseKit.Kernels;

namespace CourseKit.Devices;

/// <summary>
/// Where numbers live and kernels run: the CPU (CourseKit's SIMD kernels, the default), an NVIDIA GPU (CUDA through
/// ILGPU) or ILGPU's CPU accelerator. Every device offers the same operations on its <see cref="DeviceBuffer{T}"/>s
/// — GEMM, BatchNorm, softmax and cross-entropy, activations, dropout, L2, reductions, optimizer steps — with the same
/// argument checks and messages as <see cref="CpuKernels"/>, Math.NET-style: one abstraction, several providers.
/// </summary>
/// <remarks>
/// <para>Pick one with <see cref="Best"/> (a GPU when there is one), <see cref="Cpu"/>, <see cref="Cuda"/> or
/// <see cref="Get"/> (<c>"cpu"</c>, <c>"cuda"</c>, <c>"cuda:1"</c>, <c>"ilgpu-cpu"</c>). Devices are created once per
/// process and shared; operations on one device are serialized.</para>
/// <para>Buffers handed to an operation must live on its device (<see cref="DeviceMismatchException"/> otherwise).
/// Argument errors, buffers from another device and missing memory are found before anything is written.</para>
/// </remarks>
public abstract partial class Device
{
    private protected Device(string name, DeviceKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>Short name, as <see cref="Get"/> accepts it: <c>cpu</c>, <c>cuda:0</c>, <c>ilgpu-cpu</c>.</summary>
    public string Name { get; }

    /// <summary>What the device runs on.</summary>
    public DeviceKind Kind { get; }

    /// <summary>Whether this is a GPU.</summary>
    public bool IsGpu => Kind == DeviceKind.Cuda;

    /// <summary>One line for a learner: the hardware, its memory, how GEMM is done.</summary>
    public abstract string Description { get; }

    /// <summary>Allocates <paramref name="length"/> zeros on this device.</summary>
    /// <exception cref="DeviceOutOfMemoryException">The device has not that much memory left.</exception>
    public DeviceBuffer<T> Allocate<T>(int length) where T : unmanaged
    {
        Guard.Dimension(length, nameof(length));
        return new DeviceBuffer<T>(AllocateStorage<T>(length), 0, length, owner: true);
    }

    /// <summary>Allocates a buffer on this device holding a copy of <paramref name="values"/>.</summary>
    public DeviceBuffer<T> Upload<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        var buffer = Allocate<T>(values.Length);
        Upload(values, buffer);
        return buffer;
    }

    /// <summary>Waits until every operation queued on this device has finished (a no-op on the CPU).</summary>
    public abstract void Synchronize();

    /// <inheritdoc />
    public override string ToString() => Name;

    internal void Upload<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination) where T : unmanaged
    {
        Require(destination, nameof(destination), "Upload");
        if (source.Length > 0) UploadCore(source, destination);
    }

    internal void Download<T>(DeviceBuffer<T> source, Span<T> destination) where T : unmanaged
    {
        Require(source, nameof(source), "Download");
        if (source.Length > 0) DownloadCore(source, destination);
    }

    internal void CopyWithin<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) where T : unmanaged
    {
        Require(source, nameof(source), "Copy");
        Require(destination, nameof(destination), "Copy");
        if (source.Length > 0) CopyWithinCore(source, destination);
    }

    private protected abstract DeviceStorage<T> AllocateStorage<T>(int length) where T : unmanaged;

    private protected abstract void UploadCore<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination) where T : unmanaged;

    private protected abstract void DownloadCore<T>(DeviceBuffer<T> source, Span<T> destination) where T : unmanaged;

    private protected abstract void CopyWithinCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) where T : unmanaged;

    /// <summary>Whether every element of <paramref name="x"/> is finite (a reduction on the device).</summary>
    private protected abstract bool AllFinite(DeviceBuffer<float> x);

    /// <summary>
    /// Whether every element of every buffer in <paramref name="xs"/> is finite. A GPU answers with one wait for the
    /// whole list (the optimizer checks all gradients of a step at once); the default asks buffer by buffer.
    /// </summary>
    private protected virtual bool AllFinite(IReadOnlyList<DeviceBuffer<float>> xs)
    {
        foreach (var x in xs)
            if (x.Length > 0 && !AllFinite(x)) return false;
        return true;
    }

    /// <summary>
    /// Throws, naming the first NaN or ±∞ and its position, when <paramref name="x"/> holds one: the same message as
    /// the span kernels. Only the failing case copies the values to the host.
    /// </summary>
    private protected void RequireFinite(DeviceBuffer<float> x, string argument, int rowLength = 0)
    {
        if (!InputsTrusted && x.Length > 0 && !AllFinite(x)) Guard.ThrowNonFinite(x.ToArray(), argument, rowLength);
    }

    [ThreadStatic] private static int s_trustDepth;

    /// <summary>Whether this thread is inside <see cref="TrustInputs"/>: the scans for NaN/∞ are skipped.</summary>
    private protected static bool InputsTrusted => s_trustDepth > 0;

    /// <summary>
    /// Until the returned scope is disposed, operations on this thread skip the checks that read buffer contents —
    /// NaN/∞ scans, label ranges, target distributions, running variances — each of which waits for the device on a
    /// GPU: for a training loop whose data was checked on the host on the way in and whose loss names a NaN that
    /// arises inside, and for benchmarks. Shapes, devices and overlaps are still checked.
    /// </summary>
    internal static TrustScope TrustInputs()
    {
        s_trustDepth++;
        return new TrustScope();
    }

    /// <summary>Ends a <see cref="TrustInputs"/> scope.</summary>
    internal readonly struct TrustScope : IDisposable
    {
        public void Dispose() => s_trustDepth--;
    }

    /// <summary>Checks <paramref name="buffer"/> lives on this device and is not disposed.</summary>
    private protected void Require<T>(DeviceBuffer<T>? buffer, string argument, string operation) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer, argument);
        if (buffer.Device != this) throw new DeviceMismatchException(Name, operation, argument, buffer.Device.Name);
        if (buffer.IsDisposed)
            throw new ObjectDisposedException(argument, $"{operation} on {Name}: {argument} was disposed; its memory is gone.");
    }
}
