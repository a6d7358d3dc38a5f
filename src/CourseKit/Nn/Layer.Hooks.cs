using CourseKit.Tensors;

namespace CourseKit.Nn;

public abstract partial class Layer
{
    private Action<Layer, Matrix, Matrix>[] _observers = [];

    /// <summary>
    /// Calls <paramref name="hook"/>(layer, input, output) after every forward pass of this layer — in training and in
    /// inference, inside a model or the trainer — until the returned handle is disposed (PyTorch's
    /// <c>register_forward_hook</c>). The hook receives copies: it cannot change the run.
    /// </summary>
    public ForwardHookHandle RegisterForwardHook(Action<Layer, Matrix, Matrix> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return Observe((layer, x, y) => hook(layer, x.Clone(), y.Clone()));
    }

    /// <summary>
    /// Records copies of this layer's input and output on every forward call until disposed
    /// (<c>using var capture = layer.Capture();</c>); see <see cref="ForwardCapture"/>.
    /// </summary>
    public ForwardCapture Capture(bool inputs = true, bool outputs = true) => new(this, inputs, outputs);

    /// <summary>Like <see cref="RegisterForwardHook"/>, but the observer sees the layer's own buffers (it must copy what it keeps and write nothing).</summary>
    internal ForwardHookHandle Observe(Action<Layer, Matrix, Matrix> observer)
    {
        lock (_parameters) _observers = [.. _observers, observer];
        return new ForwardHookHandle(() => { lock (_parameters) _observers = _observers.Where(o => o != observer).ToArray(); });
    }

    private void NotifyHooks(Matrix x, Matrix y)
    {
        var observers = _observers;
        foreach (var observer in observers) observer(this, x, y);
    }
}

/// <summary>Removes a forward hook when disposed (or on <see cref="Remove"/>); removing twice does nothing.</summary>
public sealed class ForwardHookHandle : IDisposable
{
    private Action? _remove;

    internal ForwardHookHandle(Action remove) => _remove = remove;

    /// <summary>Stops calling the hook.</summary>
    public void Remove() => Interlocked.Exchange(ref _remove, null)?.Invoke();

    /// <inheritdoc />
    public void Dispose() => Remove();
}
