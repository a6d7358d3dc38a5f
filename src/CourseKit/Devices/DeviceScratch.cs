namespace CourseKit.Devices;

/// <summary>
/// A buffer a layer or the trainer reuses from step to step on one device: grown when a step needs more, never
/// shrunk, handed out as a view of exactly the length asked for (so a smaller last batch allocates nothing).
/// </summary>
internal sealed class DeviceScratch<T> : IDisposable where T : unmanaged
{
    private DeviceBuffer<T>? _owner;

    /// <summary>A buffer of exactly <paramref name="length"/> elements on <paramref name="device"/>; its contents are undefined.</summary>
    public DeviceBuffer<T> Get(Device device, int length)
    {
        if (_owner is null || _owner.Device != device || _owner.Length < length)
        {
            var grown = device.Allocate<T>(Math.Max(length, 1));
            _owner?.Dispose();
            _owner = grown;
        }
        return _owner.Length == length ? _owner : _owner.Slice(0, length);
    }

    /// <summary>Frees the memory.</summary>
    public void Dispose()
    {
        _owner?.Dispose();
        _owner = null;
    }
}
