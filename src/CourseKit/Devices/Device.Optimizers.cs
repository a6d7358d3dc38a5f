using CourseKit.Kernels;

namespace CourseKit.Devices;

public abstract partial class Device
{
    /// <summary>Gradient descent on this device: effectively computes <c>w ← w − α·g</c>, as <see cref="CpuKernels.SgdStep"/>.</summary>
    public void SgdStep(DeviceBuffer<float> w, DeviceBuffer<float> g, float learningRate) =>
        Step(new OptimizerStep(UpdateRule.Sgd, learningRate), w, g, null, null, nameof(SgdStep));

    /// <summary>Momentum on this device: <c>v ← β·v + (1 − β)·g</c>, <c>w ← w − α·v</c>, as <see cref="CpuKernels.MomentumStep"/>.</summary>
    public void MomentumStep(DeviceBuffer<float> w, DeviceBuffer<float> g, DeviceBuffer<float> v, float learningRate, float beta)
    {
        MomentumRule.Create(learningRate, beta);
        Step(new OptimizerStep(UpdateRule.Momentum, learningRate, Beta1: beta), w, g, v, null, nameof(MomentumStep));
    }

    /// <summary>RMSprop on this device: <c>s ← β₂·s + (1 − β₂)·g²</c>, <c>w ← w − α·g/(√s + ε)</c>, as <see cref="CpuKernels.RmsPropStep"/>.</summary>
    public void RmsPropStep(DeviceBuffer<float> w, DeviceBuffer<float> g, DeviceBuffer<float> s, float learningRate, float beta2, float epsilon)
    {
        RmsPropRule.Create(learningRate, beta2, epsilon);
        Step(new OptimizerStep(UpdateRule.RmsProp, learningRate, Beta2: beta2, Epsilon: epsilon), w, g, s, null, nameof(RmsPropStep));
    }

    /// <summary>
    /// Adam (AdamW when <paramref name="weightDecay"/> &gt; 0) at step t = <paramref name="step"/> ≥ 1 on this device,
    /// with bias correction, as <see cref="CpuKernels.AdamStep"/>.
    /// </summary>
    public void AdamStep(DeviceBuffer<float> w, DeviceBuffer<float> g, DeviceBuffer<float> v, DeviceBuffer<float> s, long step,
        float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        AdamRule.Create(step, learningRate, beta1, beta2, epsilon, weightDecay);
        Step(new OptimizerStep(UpdateRule.Adam, learningRate, beta1, beta2, epsilon, weightDecay, step), w, g, v, s, nameof(AdamStep));
    }

    /// <summary>Updates w and the states element by element; every argument is valid, g finite, w non-empty.</summary>
    private protected abstract void OptimizerStepCore(OptimizerStep step, DeviceBuffer<float> w, DeviceBuffer<float> g,
        DeviceBuffer<float>? v, DeviceBuffer<float>? s);

    private void Step(OptimizerStep step, DeviceBuffer<float> w, DeviceBuffer<float> g, DeviceBuffer<float>? a, DeviceBuffer<float>? b, string operation)
    {
        string aName = step.Rule == UpdateRule.RmsProp ? "s" : "v";
        Require(w, nameof(w), operation);
        Require(g, nameof(g), operation);
        RequireOptional(a, aName, operation);
        RequireOptional(b, "s", operation);
        CourseKit.Tensors.ScalarArguments.Positive(step.LearningRate, "learningRate");
        Guard.Length(g.Length, w.Length, nameof(g));
        NoOverlap(g, nameof(g), w, nameof(w));
        if (a is not null) State(w, g, a, aName);
        if (b is not null) State(w, g, b, "s");
        NoOverlap(a, "v", b, "s");
        RequireFinite(g, nameof(g));
        Launching(operation);
        if (w.Length > 0) OptimizerStepCore(step, w, g, a, b);
    }

    private static void State(DeviceBuffer<float> w, DeviceBuffer<float> g, DeviceBuffer<float> state, string name)
    {
        Guard.Length(state.Length, w.Length, name);
        NoOverlap(w, nameof(w), state, name);
        NoOverlap(g, nameof(g), state, name);
    }
}
