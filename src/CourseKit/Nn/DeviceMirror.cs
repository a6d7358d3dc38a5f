using CourseKit.Devices;
using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// A host matrix and, while its model lives on a device, a copy in that device's memory; whichever side was handed
/// out for writing last is the newer one, and the other is brought up to date only when it is asked for.
/// </summary>
/// <remarks>
/// Handing out the host matrix marks it as possibly written (the caller may change it in place), so the next device
/// operation uploads it again; handing out the device buffer marks the host copy stale. A training loop on the device
/// therefore copies nothing, and reading <see cref="Parameter.Value"/> between steps costs one download.
/// </remarks>
internal sealed class DeviceMirror(Matrix host)
{
    private enum Newer { Both, Host, Device }

    private DeviceBuffer<float>? _device;
    private Newer _newer = Newer.Host;

    /// <summary>The host matrix object itself (not brought up to date).</summary>
    public Matrix HostStorage { get; } = host;

    /// <summary>The device holding the copy, or null on the host path.</summary>
    public Device? Device => _device?.Device;

    /// <summary>The host matrix, downloaded first when the device copy is newer; the caller may write it.</summary>
    public Matrix Host()
    {
        if (_device is null) return HostStorage;
        if (_newer == Newer.Device) _device.CopyTo(HostStorage.AsSpan());
        _newer = Newer.Host;
        return HostStorage;
    }

    /// <summary>The device buffer, uploaded first when the host copy is newer; the caller may write it.</summary>
    public DeviceBuffer<float> OnDevice()
    {
        var device = _device ?? throw new InvalidOperationException("The parameter is not on a device.");
        if (_newer == Newer.Host) device.CopyFrom(HostStorage.AsSpan());
        _newer = Newer.Device;
        return device;
    }

    /// <summary>Moves the values to <paramref name="target"/> (null: the host path), freeing any previous device copy.</summary>
    public void MoveTo(Device? target)
    {
        if (Device == target) return;
        Host();
        DeviceBuffer<float>? moved = null;
        if (target is not null)
        {
            moved = target.Allocate<float>(Math.Max(HostStorage.Length, 0));
            try { moved.CopyFrom(HostStorage.AsSpan()); }
            catch { moved.Dispose(); throw; }
        }
        _device?.Dispose();
        _device = moved;
        _newer = Newer.Both;
    }
}
