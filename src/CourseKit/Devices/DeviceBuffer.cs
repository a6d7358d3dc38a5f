namespace CourseKit.Devices;

/// <summary>
/// A one-dimensional array of <typeparamref name="T"/> (float values, int labels) in a <see cref="Device"/>'s memory.
/// Operations on that device read and write it in place; nothing is copied to the host until asked
/// (<see cref="CopyTo"/>, <see cref="ToArray"/>).
/// </summary>
/// <remarks>
/// A matrix is stored row-major, one example per row, as in <see cref="Tensors.Matrix"/>. <see cref="Slice"/> makes a
/// view sharing the memory (disposing a view frees nothing); the owner's <see cref="Dispose"/> frees the memory of
/// it and its views. Kernels treat overlapping views as the span kernels treat overlapping spans: the very same view
/// may be an input and an output (in place), a partial overlap is refused.
/// </remarks>
public sealed class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private readonly bool _owner;

    internal DeviceBuffer(DeviceStorage<T> storage, int offset, int length, bool owner)
    {
        Storage = storage;
        Offset = offset;
        Length = length;
        _owner = owner;
    }

    /// <summary>The device whose memory holds the values.</summary>
    public Device Device => Storage.Device;

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Whether the memory has been freed (by this buffer or, for a view, by its owner).</summary>
    public bool IsDisposed => Storage.IsDisposed;

    internal DeviceStorage<T> Storage { get; }

    /// <summary>Index of the first element within <see cref="Storage"/>.</summary>
    internal int Offset { get; }

    /// <summary>A view of elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), sharing this buffer's memory.</summary>
    public DeviceBuffer<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
            throw new ArgumentOutOfRangeException(nameof(start),
                $"start, length: expected a range within [0, {Length}), actual start {start}, length {length}.");
        return new DeviceBuffer<T>(Storage, Offset + start, length, owner: false);
    }

    /// <summary>Copies <paramref name="source"/> (exactly <see cref="Length"/> elements) from the host into this buffer.</summary>
    public void CopyFrom(ReadOnlySpan<T> source)
    {
        if (source.Length != Length)
            throw new ArgumentException($"source: expected length {Length}, actual {source.Length}.", nameof(source));
        Device.Upload(source, this);
    }

    /// <summary>Copies this buffer's values into <paramref name="destination"/> (at least <see cref="Length"/> elements) on the host.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"destination: destination too short: expected length ≥ {Length}, actual {destination.Length}.", nameof(destination));
        Device.Download(this, destination[..Length]);
    }

    /// <summary>A host array with this buffer's values.</summary>
    public T[] ToArray()
    {
        var values = new T[Length];
        CopyTo(values);
        return values;
    }

    /// <summary>A copy of this buffer on <paramref name="device"/> (through the host when the devices differ).</summary>
    public DeviceBuffer<T> To(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var copy = device.Allocate<T>(Length);
        try
        {
            if (device == Device) Device.CopyWithin(this, copy);
            else copy.CopyFrom(ToArray());
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>Frees the memory when this buffer owns it; a view's Dispose does nothing.</summary>
    public void Dispose()
    {
        if (_owner) Storage.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"DeviceBuffer<{typeof(T).Name}>[{Length}] on {Device.Name}{(IsDisposed ? " (disposed)" : "")}";
}
