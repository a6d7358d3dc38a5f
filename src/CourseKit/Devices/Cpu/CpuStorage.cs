namespace CourseKit.Devices;

/// <summary>CPU device memory: a managed array the span kernels work on directly.</summary>
internal sealed class CpuStorage<T>(Device device, int length) : DeviceStorage<T>(device, length) where T : unmanaged
{
    public T[] Array { get; } = new T[length];

    protected override void Release() { }  // the garbage collector frees the array
}
