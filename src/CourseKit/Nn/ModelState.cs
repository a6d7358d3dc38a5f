namespace CourseKit.Nn;

/// <summary>
/// What a forward pass may change besides its outputs — non-trainable parameters (BatchNorm's running statistics) and
/// layers' extra state (dropout's mask counter) — saved so it can be put back.
/// </summary>
internal sealed class ModelState
{
    private readonly List<(Parameter Parameter, float[] Values)> _frozen;
    private readonly List<(Layer Layer, IReadOnlyDictionary<string, long> State)> _extras;
    private readonly (Layer Layer, bool Training)[] _modes;

    private ModelState(Layer model)
    {
        var layers = model is Sequential s ? s.AllLayers.Prepend(model).ToArray() : [model];
        _frozen = model.Parameters.Where(p => !p.Trainable).Select(p => (p, p.Value.Data.ToArray())).ToList();
        _extras = layers.Select(l => (l, l.SaveExtraState())).ToList();
        _modes = layers.Select(l => (l, l.Training)).ToArray();
    }

    /// <summary>Saves what a forward pass of <paramref name="model"/> could change.</summary>
    public static ModelState Save(Layer model) => new(model);

    /// <summary>Puts everything back as it was when saved (modes included).</summary>
    public void Restore()
    {
        foreach (var (p, values) in _frozen) values.CopyTo(p.Value.Data, 0);
        foreach (var (l, state) in _extras) l.LoadExtraState(state);
        foreach (var (l, training) in _modes) l.SetTrainingSelf(training);
    }
}
