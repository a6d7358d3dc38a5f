using ILGPU;
using ILGPU.Runtime;

namespace CourseKit.Devices;

/// <summary>ILGPU device memory: one dense buffer on the accelerator; its size counts against the device's budget.</summary>
internal sealed class IlgpuStorage<T>(IlgpuDevice device, MemoryBuffer1D<T, Stride1D.Dense> buffer, long bytes)
    : DeviceStorage<T>(device, (int)buffer.Length) where T : unmanaged
{
    public MemoryBuffer1D<T, Stride1D.Dense> Buffer { get; } = buffer;

    /// <summary>The elements [offset, offset + length) as a view kernels take.</summary>
    public ArrayView<T> View(int offset, int length) => Buffer.View.SubView(offset, length);

    protected override void Release()
    {
        Buffer.Dispose();
        device.Released(bytes);
    }
}
