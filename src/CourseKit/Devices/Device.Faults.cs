namespace CourseKit.Devices;

// Failures on purpose, for the tests of what a failed step leaves behind: a kernel launch that fails on a real GPU
// cannot be provoked on ILGPU's CPU accelerator, so the tests inject one where a launch would fail.
public abstract partial class Device
{
    [ThreadStatic] private static Func<Device, string, Exception?>? s_fault;

    /// <summary>
    /// Until disposed, asks <paramref name="fault"/>(device, operation) before each kernel launch on this thread and
    /// throws the exception it returns (null: the launch goes ahead).
    /// </summary>
    internal static FaultScope InjectFaults(Func<Device, string, Exception?> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var previous = s_fault;
        s_fault = fault;
        return new FaultScope(previous);
    }

    /// <summary>Called just before a kernel launch: throws an injected failure, if any.</summary>
    private protected void Launching(string operation)
    {
        if (s_fault?.Invoke(this, operation) is { } failure) throw failure;
    }

    /// <summary>Whether every element of <paramref name="x"/> (on this device) is finite.</summary>
    internal bool IsAllFinite(DeviceBuffer<float> x, string operation)
    {
        Require(x, nameof(x), operation);
        return x.Length == 0 || AllFinite(x);
    }

    /// <summary>Whether every element of every buffer in <paramref name="xs"/> (all on this device) is finite.</summary>
    internal bool AreAllFinite(IReadOnlyList<DeviceBuffer<float>> xs, string operation)
    {
        foreach (var x in xs) Require(x, nameof(xs), operation);
        return xs.Count == 0 || AllFinite(xs);
    }

    /// <summary>Ends an <see cref="InjectFaults"/> scope.</summary>
    internal readonly struct FaultScope(Func<Device, string, Exception?>? previous) : IDisposable
    {
        public void Dispose() => s_fault = previous;
    }
}
