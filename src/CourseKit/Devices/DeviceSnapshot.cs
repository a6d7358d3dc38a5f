namespace CourseKit.Devices;

/// <summary>
/// Copies of some device buffers taken before a step that writes them, so that a step failing part-way (a launch
/// failure, memory running out) can put every one of them back: nothing is left half-updated.
/// </summary>
/// <remarks>The copies are made on the device (no host round trip) into backups kept from step to step.</remarks>
internal sealed class DeviceSnapshot : IDisposable
{
    private readonly List<DeviceBuffer<float>> _sources = [];
    private readonly List<DeviceBuffer<float>> _backups = [];

    /// <summary>Copies every buffer of <paramref name="sources"/>; throws (changing nothing) when backups cannot be allocated.</summary>
    public void Take(IReadOnlyList<DeviceBuffer<float>> sources)
    {
        if (!SameShape(sources))
        {
            var backups = new List<DeviceBuffer<float>>(sources.Count);
            try
            {
                foreach (var source in sources) backups.Add(source.Device.Allocate<float>(Math.Max(source.Length, 1)).Slice(0, source.Length));
            }
            catch
            {
                foreach (var backup in backups) Free(backup);
                throw;
            }
            Dispose();
            _backups.AddRange(backups);
        }
        _sources.Clear();
        _sources.AddRange(sources);
        for (int i = 0; i < sources.Count; i++) sources[i].Device.CopyWithin(sources[i], _backups[i]);
    }

    /// <summary>Puts back every buffer as it was at <see cref="Take"/>.</summary>
    public void Restore()
    {
        for (int i = 0; i < _sources.Count; i++) _sources[i].Device.CopyWithin(_backups[i], _sources[i]);
    }

    /// <summary>Frees the backups.</summary>
    public void Dispose()
    {
        foreach (var backup in _backups) Free(backup);
        _backups.Clear();
        _sources.Clear();
    }

    private bool SameShape(IReadOnlyList<DeviceBuffer<float>> sources)
    {
        if (sources.Count != _backups.Count) return false;
        for (int i = 0; i < sources.Count; i++)
            if (sources[i].Device != _backups[i].Device || sources[i].Length != _backups[i].Length) return false;
        return true;
    }

    private static void Free(DeviceBuffer<float> view) => view.Storage.Dispose();
}
