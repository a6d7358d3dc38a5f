using CourseKit.Devices;

namespace CourseKit.Tests.Support.Backends;

/// <summary>
/// Device buffers standing for a call's host spans: spans that overlap on the host become views of one device
/// allocation at the same relative offsets (so in-place use and partial overlaps reach the device's own checks),
/// the others get allocations of their own. After the call the outputs are copied back into the host spans.
/// </summary>
internal sealed class DeviceMirror : IDisposable
{
    private readonly DeviceBuffer<float>?[] _views;
    private readonly List<DeviceBuffer<float>> _owned = [];

    public DeviceMirror(Device device, scoped SpanSet spans)
    {
        int n = spans.Count;
        _views = new DeviceBuffer<float>?[n];
        var cluster = new int[n];
        var position = new long[n];
        for (int i = 0; i < n; i++) cluster[i] = -1;
        for (int root = 0; root < n; root++)
        {
            if (cluster[root] >= 0 || spans[root].IsEmpty) continue;
            var members = Gather(spans, root, cluster, position);
            long low = long.MaxValue, high = long.MinValue;
            foreach (int i in members)
            {
                low = Math.Min(low, position[i]);
                high = Math.Max(high, position[i] + spans[i].Length);
            }
            var storage = device.Allocate<float>(checked((int)(high - low)));
            _owned.Add(storage);
            foreach (int i in members)
            {
                _views[i] = storage.Slice((int)(position[i] - low), spans[i].Length);
                _views[i]!.CopyFrom(spans[i]);
            }
        }
        for (int i = 0; i < n; i++)
        {
            if (_views[i] is not null || spans.IsOptional(i)) continue;
            var empty = device.Allocate<float>(0);  // a required, empty argument: a zero-length buffer
            _owned.Add(empty);
            _views[i] = empty;
        }
    }

    /// <summary>The device buffer of span <paramref name="i"/>: null for an empty optional span.</summary>
    public DeviceBuffer<float>? this[int i] => _views[i];

    /// <summary>Copies every output's device values into its host span.</summary>
    public void CopyBack(scoped SpanSet spans)
    {
        for (int i = 0; i < spans.Count; i++)
            if (spans.IsWritable(i) && _views[i] is { Length: > 0 } view && !view.IsDisposed) view.CopyTo(spans[i]);
    }

    public void Dispose()
    {
        foreach (var buffer in _owned) buffer.Dispose();
    }

    /// <summary>Every span overlapping <paramref name="root"/> directly or through others, with its offset from root.</summary>
    private static List<int> Gather(scoped SpanSet spans, int root, int[] cluster, long[] position)
    {
        var members = new List<int> { root };
        cluster[root] = root;
        position[root] = 0;
        for (int next = 0; next < members.Count; next++)
        {
            int i = members[next];
            for (int j = 0; j < spans.Count; j++)
            {
                if (cluster[j] >= 0 || spans[j].IsEmpty || !spans[i].Overlaps(spans[j], out int offset)) continue;
                cluster[j] = root;
                position[j] = position[i] + offset;  // spans[j] starts offset elements after spans[i]
                members.Add(j);
            }
        }
        return members;
    }
}
