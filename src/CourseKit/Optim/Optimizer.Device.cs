using CourseKit.Devices;
using CourseKit.Nn;

namespace CourseKit.Optim;

// The optimizer step for parameters on a device: the state slots live on that device too (uploaded from the host
// state when there is one, downloaded again when the parameters come back to the host or a checkpoint asks), and a
// step that fails part-way is undone: parameters, state and t are put back as they were before it.
public abstract partial class Optimizer
{
    private readonly Dictionary<string, DeviceBuffer<float>[]> _deviceState = new(StringComparer.Ordinal);
    private readonly List<DeviceBuffer<float>> _written = [];
    private readonly DeviceSnapshot _snapshot = new();

    /// <summary>Whether this update rule has a device kernel (SGD, momentum, RMSprop, Adam and AdamW do).</summary>
    private protected virtual bool RunsOnDevice => false;

    /// <summary>Applies the rule on the device; <see cref="Steps"/> is already the new t and every argument is checked.</summary>
    private protected virtual void UpdateOnDevice(Device device, Parameter parameter, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>[] slots) => throw NoDeviceRule(device);

    /// <summary>The device every parameter in <paramref name="list"/> lives on; null when all are on the host.</summary>
    private static Device? DeviceOf(IReadOnlyList<Parameter> list)
    {
        Device? device = null;
        for (int i = 0; i < list.Count; i++)
        {
            var p = list[i] ?? throw new ArgumentException($"parameters: expected no null elements, actual null at [{i}].", "parameters");
            if (i == 0) device = p.Device;
            else if (p.Device != device)
                throw new DeviceMismatchException((device ?? Device.Cpu).Name, "Optimizer.Step", p.Name, (p.Device ?? Device.Cpu).Name);
        }
        return device;
    }

    private void StepOnDevice(Device device, IReadOnlyList<Parameter> list)
    {
        const string operation = "Optimizer.Step";
        if (!RunsOnDevice) throw NoDeviceRule(device);
        RequireFiniteGradients(device, list, operation);
        foreach (var p in list)
        {
            if (!p.Trainable) continue;
            int stateLength = _state.TryGetValue(p.Name, out var host) && host.Length > 0 ? host[0].Length
                : _deviceState.TryGetValue(p.Name, out var slots) && slots.Length > 0 ? slots[0].Length : p.Count;
            if (stateLength != p.Count) ThrowStateMismatch(p, stateLength);
        }
        _written.Clear();
        foreach (var p in list)
        {
            if (!p.Trainable) continue;
            _written.Add(p.DeviceValue);
            _written.AddRange(DeviceSlots(device, p));
        }
        _snapshot.Take(_written);  // allocates its backups the first time: out of memory here changes nothing
        Steps++;
        try
        {
            using (Device.TrustInputs())  // the gradients were checked above
                foreach (var p in list)
                    if (p.Trainable) UpdateOnDevice(device, p, p.DeviceValue, p.DeviceGrad, _deviceState[p.Name]);
        }
        catch (Exception failure)
        {
            Steps--;
            Undo(device, failure);
            throw;
        }
    }

    // All gradients in one device check (one wait on a GPU); only when it fails are they looked at one by one, to name
    // the parameter and the first bad element.
    private static void RequireFiniteGradients(Device device, IReadOnlyList<Parameter> list, string operation)
    {
        var gradients = list.Where(p => p.Trainable).Select(p => p.DeviceGrad).ToList();
        if (device.AreAllFinite(gradients, operation)) return;
        foreach (var p in list)
            if (p.Trainable && !device.IsAllFinite(p.DeviceGrad, operation)) OptimizerStateReader.ThrowNonFiniteGradient(p);
    }

    private void Undo(Device device, Exception failure)
    {
        try
        {
            _snapshot.Restore();
        }
        catch (Exception restoreFailure)
        {
            throw new DeviceException(device.Name, "Optimizer.Step",
                $"the step failed ({failure.Message}) and the parameters could not be put back ({restoreFailure.Message}); " +
                "the device is unusable: reload the model from a checkpoint.", new AggregateException(failure, restoreFailure));
        }
    }

    /// <summary>The slots of <paramref name="p"/> on <paramref name="device"/>: existing ones, the host state uploaded, or zeros.</summary>
    private DeviceBuffer<float>[] DeviceSlots(Device device, Parameter p)
    {
        if (_deviceState.TryGetValue(p.Name, out var slots) && (slots.Length == 0 || slots[0].Device == device)) return slots;
        var host = _state.TryGetValue(p.Name, out var h) ? h : TakeStateFromDevice(p.Name);
        slots = new DeviceBuffer<float>[SlotNames.Count];
        try
        {
            for (int k = 0; k < slots.Length; k++)
                slots[k] = host is null ? device.Allocate<float>(p.Count) : device.Upload<float>(host[k]);
        }
        catch
        {
            foreach (var slot in slots) slot?.Dispose();
            if (host is not null) _state[p.Name] = host;
            throw;
        }
        _state.Remove(p.Name);
        _deviceState[p.Name] = slots;
        return slots;
    }

    /// <summary>Downloads and frees the device slots of <paramref name="name"/>; null when there are none.</summary>
    private float[][]? TakeStateFromDevice(string name)
    {
        if (!_deviceState.Remove(name, out var slots)) return null;
        var host = slots.Select(s => s.ToArray()).ToArray();
        foreach (var slot in slots) slot.Dispose();
        return host;
    }

    /// <summary>The device slots as host arrays (for a checkpoint), leaving them on the device.</summary>
    private IEnumerable<KeyValuePair<string, float[][]>> DeviceStateOnHost() =>
        _deviceState.Select(e => KeyValuePair.Create(e.Key, e.Value.Select(s => s.ToArray()).ToArray())).ToList();

    private void ClearDeviceState()
    {
        foreach (var slots in _deviceState.Values)
            foreach (var slot in slots) slot.Dispose();
        _deviceState.Clear();
    }

    private DeviceException NoDeviceRule(Device device) => new(device.Name, "Optimizer.Step",
        $"{GetType().Name} has no {device.Name} implementation: only SGD, momentum, RMSprop, Adam and AdamW step parameters " +
        "on a device. Keep the model on the CPU (model.To(Device.Cpu)) to use this optimizer.");
}
