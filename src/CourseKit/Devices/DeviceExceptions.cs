namespace CourseKit.Devices;

/// <summary>An operation failed on a device: the message names the device and the operation.</summary>
/// <remarks>Thrown before anything was written wherever the failure can be known in advance (a buffer from another
/// device, memory that is not there); a kernel that fails while running leaves its outputs undefined.</remarks>
public class DeviceException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="device"/> and <paramref name="operation"/>.</summary>
    public DeviceException(string device, string operation, string message, Exception? inner = null)
        : base($"{operation} on {device}: {message}", inner)
    {
        Device = device;
        Operation = operation;
    }

    /// <summary>The device's name, e.g. <c>cuda:0</c>.</summary>
    public string Device { get; }

    /// <summary>The operation that failed, e.g. <c>Gemm</c>.</summary>
    public string Operation { get; }
}

/// <summary>A device that was asked for is not present (no NVIDIA GPU, no driver) or cannot be started.</summary>
public sealed class DeviceUnavailableException(string device, string message, Exception? inner = null)
    : DeviceException(device, "Device selection", message, inner);

/// <summary>The device has not enough free memory for what an operation needs.</summary>
public sealed class DeviceOutOfMemoryException(string device, string operation, long requestedBytes, long availableBytes, Exception? inner = null)
    : DeviceException(device, operation,
        (requestedBytes > 0 ? $"out of device memory: {requestedBytes:N0} bytes requested, {availableBytes:N0} bytes available. "
                            : $"out of device memory ({availableBytes:N0} bytes available before the operation). ") +
        "Use smaller mini-batches or a smaller model, or dispose buffers no longer needed.", inner)
{
    /// <summary>Bytes the operation asked for; 0 when the driver did not say.</summary>
    public long RequestedBytes { get; } = Math.Max(requestedBytes, 0);

    /// <summary>Bytes the device had left.</summary>
    public long AvailableBytes { get; } = availableBytes;
}

/// <summary>A buffer handed to an operation lives on another device than the one the operation runs on.</summary>
public sealed class DeviceMismatchException(string device, string operation, string argument, string bufferDevice)
    : DeviceException(device, operation,
        $"{argument} is on {bufferDevice}, expected a buffer on {device}. Copy it first, e.g. {argument}.To(device); " +
        "a model and its data must live on the same device.")
{
    /// <summary>The argument whose buffer is on the wrong device.</summary>
    public string Argument { get; } = argument;
}
