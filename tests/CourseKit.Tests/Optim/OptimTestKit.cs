using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Optim.Reference;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Optim;

/// <summary>Builds optimizers by name with the hyperparameters the tests use, and runs their double references.</summary>
internal static class OptimTestKit
{
    public const float Alpha = 0.01f, Beta1 = 0.9f, Beta2 = 0.999f, RmsBeta = 0.9f, Epsilon = 1e-8f, Decay = 0.1f;

    public static readonly string[] Names = ["Sgd", "Momentum", "RmsProp", "Adam", "AdamW"];

    public static IEnumerable<object[]> AllNames() => Names.Select(n => new object[] { n });

    public static IEnumerable<object[]> NamesTimesLengths0To257() =>
        from n in Names from len in Enumerable.Range(0, 258) select new object[] { n, len };

    public static Optimizer Create(string name, float alpha = Alpha) => name switch
    {
        "Sgd" => new Sgd(alpha),
        "Momentum" => new Momentum(alpha, Beta1),
        "RmsProp" => new RmsProp(alpha, RmsBeta, Epsilon),
        "Adam" => new Adam(alpha, Beta1, Beta2, Epsilon),
        "AdamW" => new AdamW(alpha, Decay, Beta1, Beta2, Epsilon),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown optimizer"),
    };

    /// <summary>The double reference of <paramref name="name"/>; state arrays are kept across calls by the caller.</summary>
    public static void ReferenceStep(string name, double[] w, double[] g, double[] v, double[] s, long t, bool regularized, double alpha = Alpha)
    {
        // The float hyperparameters widened to double, so both sides use the very same β and ε.
        switch (name)
        {
            case "Sgd": OptimizerReference.Sgd(w, g, alpha); break;
            case "Momentum": OptimizerReference.Momentum(w, g, v, alpha, Beta1); break;
            case "RmsProp": OptimizerReference.RmsProp(w, g, s, alpha, RmsBeta, Epsilon); break;
            case "Adam": OptimizerReference.Adam(w, g, v, s, t, alpha, Beta1, Beta2, Epsilon); break;
            case "AdamW": OptimizerReference.Adam(w, g, v, s, t, alpha, Beta1, Beta2, Epsilon, regularized ? Decay : 0); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "unknown optimizer");
        }
    }

    public static Parameter Param(string name, int rows, int cols, int seed, bool regularized = false, bool trainable = true) =>
        new(name, new Matrix(rows, cols, TestData.Normal(rows * cols, seed)), trainable, regularized);

    /// <summary>A small model: a dense layer's W (regularized) and b, BatchNorm's γ, β and running mean (non-trainable).</summary>
    public static Parameter[] Model() =>
    [
        Param("dense1.W", 7, 11, seed: 1, regularized: true),
        Param("dense1.b", 1, 11, seed: 2),
        Param("bn1.gamma", 1, 11, seed: 3),
        Param("bn1.beta", 1, 11, seed: 4),
        Param("bn1.running_mean", 1, 11, seed: 5, trainable: false),
    ];

    /// <summary>Fills every trainable gradient with seeded values that depend on <paramref name="step"/>.</summary>
    public static void FillGradients(IEnumerable<Parameter> parameters, int step)
    {
        int k = 0;
        foreach (var p in parameters)
        {
            k++;
            if (p.Trainable) TestData.Normal(p.Count, seed: 1000 * step + k).CopyTo(p.Grad.AsSpan());
        }
    }

    /// <summary>Runs <paramref name="steps"/> seeded steps, numbering them from <paramref name="firstStep"/>.</summary>
    public static void Train(Optimizer optimizer, Parameter[] model, int firstStep, int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            FillGradients(model, firstStep + i);
            optimizer.Step(model);
        }
    }

    public static double[] ToDouble(ReadOnlySpan<float> x)
    {
        var d = new double[x.Length];
        for (int i = 0; i < d.Length; i++) d[i] = x[i];
        return d;
    }
}
