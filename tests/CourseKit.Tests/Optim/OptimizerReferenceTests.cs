using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Tests.Support;
using static CourseKit.Tests.Optim.OptimTestKit;

namespace CourseKit.Tests.Optim;

public class OptimizerReferenceTests
{
    // After 6 float32 steps of size ≈ α = 0.01 on values of order 1: a few ulps of w plus a few ulps of each step.
    private const double Rel = 2e-6, Abs = 1e-6;

    [Theory]
    [MemberData(nameof(NamesTimesLengths0To257), MemberType = typeof(OptimTestKit))]
    public void Each_optimizer_matches_its_double_reference_over_several_steps_at_every_length(string name, int n)
    {
        foreach (bool regularized in new[] { true, false })
        {
            var p = new Parameter("dense1.W", new Matrix(1, n, TestData.Normal(n, seed: n)), regularized: regularized);
            double[] w = ToDouble(p.Value.AsSpan()), v = new double[n], s = new double[n];
            var optimizer = Create(name);
            for (int t = 1; t <= 6; t++)
            {
                // Gradients of varied magnitude, so v/√s is not ≈ ±1 everywhere.
                float[] g = TestData.Normal(n, seed: 100 * t + n, std: t);
                g.CopyTo(p.Grad.AsSpan());
                optimizer.Step([p]);
                ReferenceStep(name, w, ToDouble(g), v, s, t, regularized);
                Tolerance.Close(w, p.Value.AsSpan(), Rel, Abs, $"{name} (regularized: {regularized}) W after step {t}");
            }
        }
    }

    [Fact]
    public void Adam_first_step_is_alpha_times_the_sign_of_the_gradient()
    {
        const float alpha = 0.1f;
        const int n = 257;
        float[] w0 = TestData.Uniform(n, seed: 7);
        float[] g = TestData.Uniform(n, seed: 8, low: 1e-3, high: 10);
        for (int i = 0; i < n; i += 2) g[i] = -g[i];
        var p = new Parameter("w", new Matrix(1, n, (float[])w0.Clone()));
        g.CopyTo(p.Grad.AsSpan());
        new Adam(alpha).Step([p]);
        // Bias correction at t = 1 makes v̂ = g and ŝ = g², so the step is α·g/(|g| + ε) = α·sign(g)·(1 − ε/|g| + …).
        var expected = w0.Select((w, i) => (double)w - alpha * Math.Sign(g[i])).ToArray();
        Tolerance.Close(expected, p.Value.AsSpan(), rel: 0, abs: 2e-6, what: "w after Adam's first step");
    }

    [Theory]
    [MemberData(nameof(AllNames), MemberType = typeof(OptimTestKit))]
    public void Non_trainable_parameters_are_never_touched_and_get_no_state(string name)
    {
        var model = Model();
        float[] runningMean = model[4].Value.AsSpan().ToArray();
        var optimizer = Create(name);
        Train(optimizer, model, firstStep: 1, steps: 3);
        Assert.Equal(runningMean, model[4].Value.AsSpan().ToArray());
        Assert.DoesNotContain(optimizer.SaveState().Slots.Keys, k => k.StartsWith("bn1.running_mean", StringComparison.Ordinal));
        Assert.Equal(3, optimizer.Steps);
    }

    [Fact]
    public void AdamW_decays_weights_but_not_biases_gamma_or_beta()
    {
        // Same gradients through Adam and AdamW: only the regularized W may differ, by the decay.
        Parameter[] adamModel = Model(), adamWModel = Model();
        Train(new Adam(Alpha, Beta1, Beta2, Epsilon), adamModel, 1, 4);
        Train(new AdamW(Alpha, weightDecay: 0.5f, Beta1, Beta2, Epsilon), adamWModel, 1, 4);
        for (int k = 1; k < adamModel.Length; k++)
            Assert.Equal(adamModel[k].Value.AsSpan().ToArray(), adamWModel[k].Value.AsSpan().ToArray());
        // Decay shrinks |W| toward 0 compared with Adam alone (by about 4·α·λ·|W|).
        double adamNorm = adamModel[0].Value.AsSpan().ToArray().Sum(x => (double)x * x);
        double adamWNorm = adamWModel[0].Value.AsSpan().ToArray().Sum(x => (double)x * x);
        Assert.True(adamWNorm < adamNorm, $"‖W‖²: AdamW {adamWNorm} should be below Adam's {adamNorm}");
    }

    [Fact]
    public void A_step_with_no_trainable_parameters_still_counts()
    {
        var optimizer = new Adam();
        optimizer.Step([]);
        optimizer.Step(Enumerable.Empty<Parameter>());
        Assert.Equal(2, optimizer.Steps);
    }

    [Fact]
    public void A_lazy_sequence_of_parameters_is_enumerated_once()
    {
        var model = Model();
        int enumerations = 0;
        IEnumerable<Parameter> Lazy() { enumerations++; foreach (var p in model) yield return p; }
        FillGradients(model, 1);
        new Momentum(Alpha).Step(Lazy());
        Assert.Equal(1, enumerations);
    }

    [Theory]
    [MemberData(nameof(AllNames), MemberType = typeof(OptimTestKit))]
    public void A_training_step_allocates_nothing_once_state_exists(string name)
    {
        var model = Model();
        var list = model.ToList();
        var optimizer = Create(name);
        Train(optimizer, model, 1, 200); // state allocated, loops compiled
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) optimizer.Step(list);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{name}: 100 steps allocated {allocated} bytes");
    }
}
