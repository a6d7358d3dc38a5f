namespace CourseKit.Devices;

// Overlap rules on device buffers, worded as Guard words them for spans: the very same view may be read and
// written (in place); a partial overlap would read values already overwritten, so it is refused.
public abstract partial class Device
{
    /// <summary>Throws when <paramref name="input"/> and <paramref name="output"/> overlap without being the same view.</summary>
    private protected static void NoPartialOverlap<T>(DeviceBuffer<T> input, string inputName, DeviceBuffer<T>? output, string outputName)
        where T : unmanaged
    {
        if (output is null || !Overlap(input, output)) return;
        int offset = output.Offset - input.Offset;
        if (!(offset == 0 && input.Length <= output.Length))
            throw new ArgumentException(
                $"{outputName}: must not partially overlap {inputName} (in-place use requires the very same buffer); actual offset {offset} elements.", outputName);
    }

    /// <summary>Throws when <paramref name="input"/> and <paramref name="output"/> share any memory.</summary>
    private protected static void NoOverlap<T>(DeviceBuffer<T>? input, string inputName, DeviceBuffer<T>? output, string outputName)
        where T : unmanaged
    {
        if (input is not null && output is not null && Overlap(input, output))
            throw new ArgumentException($"{outputName}: must not overlap {inputName}; this kernel cannot run in place.", outputName);
    }

    private static bool Overlap<T>(DeviceBuffer<T> a, DeviceBuffer<T> b) where T : unmanaged =>
        a.Length > 0 && b.Length > 0 && ReferenceEquals(a.Storage, b.Storage)
        && a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;

    /// <summary>Checks an optional buffer: null means "not requested"; otherwise it must live on this device.</summary>
    private protected void RequireOptional<T>(DeviceBuffer<T>? buffer, string argument, string operation) where T : unmanaged
    {
        if (buffer is not null) Require(buffer, argument, operation);
    }
}
