using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace CourseKit.Devices;

// Buffers, copies and the device's scratch memory.
internal sealed partial class IlgpuDevice
{
    private MemoryBuffer1D<float, Stride1D.Dense>? _scratch;
    private MemoryBuffer1D<double, Stride1D.Dense>? _scratchDouble;
    private MemoryBuffer1D<int, Stride1D.Dense>? _flag;

    internal static ArrayView<T> View<T>(DeviceBuffer<T> buffer) where T : unmanaged =>
        ((IlgpuStorage<T>)buffer.Storage).View(buffer.Offset, buffer.Length);

    private protected override DeviceStorage<T> AllocateStorage<T>(int length)
    {
        long bytes = (long)length * Unsafe.SizeOf<T>();
        return Run("Allocate", () =>
        {
            var buffer = AllocateCounted<T>(length, bytes, "Allocate");
            buffer.MemSetToZero();
            return new IlgpuStorage<T>(this, buffer, bytes);
        });
    }

    private protected override void UploadCore<T>(ReadOnlySpan<T> source, DeviceBuffer<T> destination)
    {
        var view = View(destination);
        unsafe
        {
            fixed (T* p = source)
            {
                var pointer = (nint)p;
                int length = source.Length;
                Run("Upload", () => view.CopyFromCPU(ref Unsafe.AsRef<T>((void*)pointer), length));
            }
        }
    }

    private protected override void DownloadCore<T>(DeviceBuffer<T> source, Span<T> destination)
    {
        var view = View(source);
        unsafe
        {
            fixed (T* p = destination)
            {
                var pointer = (nint)p;
                int length = source.Length;
                Run("Download", () => view.CopyToCPU(ref Unsafe.AsRef<T>((void*)pointer), length));
            }
        }
    }

    private protected override void CopyWithinCore<T>(DeviceBuffer<T> source, DeviceBuffer<T> destination) =>
        Run("Copy", () => View(source).CopyTo(View(destination)));

    /// <summary>Allocates on the accelerator within <see cref="MemoryLimit"/>; refuses, naming the sizes, beyond it.</summary>
    private MemoryBuffer1D<T, Stride1D.Dense> AllocateCounted<T>(long length, long bytes, string operation) where T : unmanaged
    {
        long available = MemoryLimit - Interlocked.Read(ref _allocatedBytes);
        if (bytes > available) throw new DeviceOutOfMemoryException(Name, operation, bytes, available);
        Interlocked.Add(ref _allocatedBytes, bytes);
        try
        {
            return Accelerator.Allocate1D<T>(Math.Max(length, 1));
        }
        catch
        {
            Released(bytes);
            throw;
        }
    }

    /// <summary>At least <paramref name="length"/> floats of scratch, grown (never shrunk) as operations need; one operation at a time uses it.</summary>
    private ArrayView<float> Scratch(long length, string operation) => Grow(ref _scratch, length, operation).View.SubView(0, length);

    private ArrayView<double> ScratchDouble(long length, string operation) => Grow(ref _scratchDouble, length, operation).View.SubView(0, length);

    private ArrayView<int> Flag(string operation) => Grow(ref _flag, 1, operation).View.SubView(0, 1);

    private MemoryBuffer1D<T, Stride1D.Dense> Grow<T>(ref MemoryBuffer1D<T, Stride1D.Dense>? buffer, long length, string operation) where T : unmanaged
    {
        if (buffer is not null && buffer.Length >= length) return buffer;
        long grown = Math.Max(length, (buffer?.Length ?? 0) * 2);
        var bigger = AllocateCounted<T>(grown, grown * Unsafe.SizeOf<T>(), operation);
        if (buffer is not null)
        {
            Released(buffer.Length * Unsafe.SizeOf<T>());
            buffer.Dispose();
        }
        buffer = bigger;
        return bigger;
    }
}
