using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Optim.Reference;
using CourseKit.Tensors;
using CourseKit.Tests.Support;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

public class OptimizerStepTests
{
    // Five float steps against the double reference: a few roundings per step, relative to |w| ≈ 1.
    private const double StepTol = 2e-6;
    private const int N = 37, Steps = 5;

    public static IEnumerable<object[]> Rules => KernelBackend.Cross(new object[][] { ["sgd"], ["momentum"], ["rmsprop"], ["adam"], ["adamw"] });

    [Theory, MemberData(nameof(Rules))]
    public void Update_steps_match_the_lectures_rules_in_double(KernelBackend backend, string rule)
    {
        float[] w = TestData.Normal(N, seed: 1), v = new float[N], s = new float[N];
        double[] wd = GemmTests.ToDouble(w), vd = new double[N], sd = new double[N];
        for (int t = 1; t <= Steps; t++)
        {
            float[] g = TestData.Normal(N, seed: 10 + t);
            double[] gd = GemmTests.ToDouble(g);
            switch (rule)
            {
                case "sgd": backend.SgdStep(w, g, 0.1f); OptimizerReference.Sgd(wd, gd, 0.1f); break;
                case "momentum": backend.MomentumStep(w, g, v, 0.1f, 0.9f); OptimizerReference.Momentum(wd, gd, vd, 0.1f, 0.9f); break;
                case "rmsprop": backend.RmsPropStep(w, g, s, 0.01f, 0.9f, 1e-8f); OptimizerReference.RmsProp(wd, gd, sd, 0.01f, 0.9f, 1e-8f); break;
                case "adam": backend.AdamStep(w, g, v, s, t, 0.01f); OptimizerReference.Adam(wd, gd, vd, sd, t, 0.01f, 0.9f, 0.999f, 1e-8f); break;
                default: backend.AdamStep(w, g, v, s, t, 0.01f, weightDecay: 0.1f); OptimizerReference.Adam(wd, gd, vd, sd, t, 0.01f, 0.9f, 0.999f, 1e-8f, 0.1f); break;
            }
        }
        Tolerance.Close(wd, w, StepTol, StepTol, "w");
    }

    [Fact]
    public void Span_steps_are_bit_identical_to_the_optimizer_classes()
    {
        // The optimizers and the step kernels share the rules; until they share the code, the bits must agree.
        var cases = new (Optimizer Optimizer, Action<float[], float[], float[], float[], long> Step)[]
        {
            (new Sgd(0.1f), (w, g, v, s, t) => CpuKernels.SgdStep(w, g, 0.1f)),
            (new Momentum(0.1f, 0.9f), (w, g, v, s, t) => CpuKernels.MomentumStep(w, g, v, 0.1f, 0.9f)),
            (new RmsProp(0.01f), (w, g, v, s, t) => CpuKernels.RmsPropStep(w, g, v, 0.01f, 0.9f, 1e-8f)),
            (new Adam(0.01f), (w, g, v, s, t) => CpuKernels.AdamStep(w, g, v, s, t, 0.01f)),
            (new AdamW(0.01f, 0.1f), (w, g, v, s, t) => CpuKernels.AdamStep(w, g, v, s, t, 0.01f, weightDecay: 0.1f)),
        };
        foreach (var (optimizer, step) in cases)
        {
            var p = new Parameter("w", new Matrix(1, N, TestData.Normal(N, seed: 1)), regularized: true);
            float[] w = TestData.Normal(N, seed: 1), v = new float[N], s = new float[N];
            for (int t = 1; t <= Steps; t++)
            {
                float[] g = TestData.Normal(N, seed: 10 + t);
                g.CopyTo(p.Grad.AsSpan());
                optimizer.Step([p]);
                step(w, g, v, s, t);
            }
            Assert.Equal(p.Value.AsSpan().ToArray(), w);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void A_non_finite_gradient_is_named_and_nothing_is_updated(KernelBackend backend)
    {
        float[] w = TestData.Normal(N, seed: 1), v = TestData.Normal(N, seed: 2), s = TestData.Uniform(N, seed: 3, low: 0, high: 1);
        float[] w0 = (float[])w.Clone(), v0 = (float[])v.Clone(), s0 = (float[])s.Clone();
        float[] g = TestData.Normal(N, seed: 4);
        g[17] = float.NaN;
        var ex = Assert.Throws<ArgumentException>(() => backend.AdamStep(w, g, v, s, 3, 0.01f));
        Assert.Equal("g", ex.ParamName);
        Assert.Contains("g[17]", ex.Message);
        Assert.Equal(w0, w);
        Assert.Equal(v0, v);
        Assert.Equal(s0, s);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Bad_hyperparameters_lengths_and_overlaps_are_rejected_naming_the_argument(KernelBackend backend)
    {
        float[] w = new float[4], g = new float[4], v = new float[4], s = new float[4];
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => backend.SgdStep(w, g, 0f)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => backend.MomentumStep(w, g, v, 0.1f, 1f)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => backend.RmsPropStep(w, g, s, 0.1f, 0.9f, 0f)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => backend.AdamStep(w, g, v, s, 0, 0.1f)).ParamName);
        Assert.Equal("g", Assert.Throws<ArgumentException>(() => backend.SgdStep(w, new float[3], 0.1f)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentException>(() => backend.AdamStep(w, g, v, new float[5], 1, 0.1f)).ParamName);
        var shared = new float[8];
        var ex = Assert.Throws<ArgumentException>(() => backend.AdamStep(w, g, shared.AsSpan(0, 4), shared.AsSpan(2, 4), 1, 0.1f));
        Assert.Contains("must not overlap v", ex.Message);
    }
}
