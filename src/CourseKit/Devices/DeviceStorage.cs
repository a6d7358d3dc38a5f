namespace CourseKit.Devices;

/// <summary>
/// One allocation on a device, shared by a <see cref="DeviceBuffer{T}"/> and the views sliced from it. Each device
/// subclasses it with its own memory (a host array, an ILGPU buffer).
/// </summary>
internal abstract class DeviceStorage<T> where T : unmanaged
{
    protected DeviceStorage(Device device, int length)
    {
        Device = device;
        Length = length;
    }

    public Device Device { get; }

    public int Length { get; }

    public bool IsDisposed { get; private set; }

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Release();
    }

    /// <summary>Frees the memory; called once.</summary>
    protected abstract void Release();
}
