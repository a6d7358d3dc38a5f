using CourseKit.Tensors;

namespace CourseKit.Nn;

public sealed partial class Sequential
{
    /// <summary>
    /// Records copies of what the layer named <paramref name="name"/> receives and emits on every forward call — in
    /// training and evaluation — until disposed: <c>using var capture = model.Capture("relu2");</c>. A capture never
    /// changes the run.
    /// </summary>
    public ForwardCapture Capture(string name, bool inputs = true, bool outputs = true) => Get(name).Capture(inputs, outputs);

    /// <summary>
    /// A forward pass that leaves the model exactly as it was: in training mode (<paramref name="training"/> true)
    /// BatchNorm normalizes with the batch's own statistics as in a training step, but its running statistics, dropout's
    /// mask counter and every mode are put back afterwards. Use it with <see cref="Capture(string, bool, bool)"/> to look
    /// inside a model during training without changing the training run; the result belongs to the caller.
    /// </summary>
    /// <param name="x">A batch, m × <see cref="Layer.InputFeatures"/>.</param>
    /// <param name="training">Run in training mode (true), inference mode (false), or the model's current mode (null).</param>
    public Matrix Probe(Matrix x, bool? training = null)
    {
        RequireBuilt();
        var saved = ModelState.Save(this);
        try
        {
            if (training is { } mode) SetTraining(mode);
            return Forward(x);
        }
        finally { saved.Restore(); }
    }
}
